"""Actor resolution on news phrasing of 2020-2026, written for Dyad (issue 3).

``CASES`` is the table; ``bench/actors.py`` imports it by path and prints the accuracy.
Each case names one mention in a short text and what it must resolve to on the text's date:
the knowledge-base id (or ``None`` for someone composed from nationality and role words),
the actor code, and where it matters how it was found and which role applies.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest

from dyad.actors import load_kb, resolve_document
from dyad.actors.kb import KnowledgeBase
from dyad.records import ActorRef


@dataclass(frozen=True, slots=True)
class Want:
    actor_id: str | None
    code: str
    how: str | None = None  # kb | alias | fuzzy | composed | coref | state; None: any
    role: str | None = None  # the role title; None: any


@dataclass(frozen=True, slots=True)
class Case:
    key: str
    kind: str  # what the case exercises, for the bench's breakdown
    text: str
    day: str | None  # publication date (ISO)
    mention: str  # the words of the mention in ``text``
    want: tuple[Want, ...]  # every actor the mention resolves to; () for none
    nth: int = 0  # which occurrence of ``mention``


def W(actor_id: str | None, code: str, how: str | None = None, role: str | None = None) -> Want:
    return Want(actor_id, code, how, role)


C = Case
# One case a few lines, as a table: the formatter would spread each over eight.
# fmt: off
CASES: list[Case] = [
    # -- known people: the role held on the date, former elite after every term ----------
    C("biden-2021", "date", "Joe Biden signed an executive order on climate on Wednesday.",
      "2021-01-27", "Joe Biden", (W("joe-biden", "USAGOV", "kb", "President"),)),
    C("biden-2025", "date", "Joe Biden criticised the cuts to Social Security in a speech.",
      "2025-04-16", "Joe Biden", (W("joe-biden", "USAELI", "kb"),)),
    C("trump-2020", "date", "Donald Trump signed the trade deal with China at the White House.",
      "2020-01-15", "Donald Trump", (W("donald-trump", "USAGOV", "kb"),)),
    C("trump-2023", "date", "Donald Trump held a campaign rally in Iowa on Saturday.",
      "2023-03-14", "Donald Trump", (W("donald-trump", "USAELI", "kb"),)),
    C("trump-2025", "date", "Donald Trump announced sweeping tariffs on imports from China.",
      "2025-04-02", "Donald Trump", (W("donald-trump", "USAGOV", "kb"),)),
    C("trump-title-2024", "date", "Former President Donald Trump attacked the indictment.",
      "2024-05-31", "Donald Trump", (W("donald-trump", "USAELI"),)),
    C("merkel-2022", "date", "Angela Merkel defended her Russia policy in an interview.",
      "2022-06-07", "Angela Merkel", (W("angela-merkel", "DEUELI", "kb"),)),
    C("johnson-2021", "date", "Boris Johnson announced a new lockdown for England.",
      "2021-01-04", "Boris Johnson", (W("boris-johnson", "GBRGOV", "kb", "Prime Minister"),)),
    C("johnson-2023", "date", "Boris Johnson resigned as a member of parliament on Friday.",
      "2023-06-09", "Boris Johnson", (W("boris-johnson", "GBRELI", "kb"),)),
    C("sunak-2021", "date", "Rishi Sunak unveiled the budget in the House of Commons.",
      "2021-03-03", "Rishi Sunak",
      (W("rishi-sunak", "GBRGOV", "kb", "Chancellor of the Exchequer"),)),
    C("carney-2025", "date", "Mark Carney called a snap election in Canada.",
      "2025-03-23", "Mark Carney", (W("mark-carney", "CANGOV", "kb", "Prime Minister"),)),
    C("lula-2022", "date", "Lula da Silva campaigned in Sao Paulo against the incumbent.",
      "2022-09-20", "Lula da Silva", (W("lula-da-silva", "BRAELI", "alias"),)),
    C("lula-2023", "date", "Lula told reporters in Brasilia that Brazil wanted peace talks.",
      "2023-04-17", "Lula", (W("lula-da-silva", "BRAGOV", "alias"),)),
    C("bolsonaro-2023", "date", "Jair Bolsonaro returned to Brazil from Florida on Thursday.",
      "2023-03-30", "Jair Bolsonaro", (W("jair-bolsonaro", "BRAELI", "kb"),)),
    C("castillo-2023", "date", "Pedro Castillo appeared before a judge in Lima.",
      "2023-03-02", "Pedro Castillo", (W("pedro-castillo", "PERELI", "kb"),)),
    C("boluarte-vp-2022", "date", "Dina Boluarte visited flood victims in the south.",
      "2022-03-10", "Dina Boluarte",
      (W("dina-boluarte", "PERGOV", "kb", "First Vice President"),)),
    C("boluarte-2025", "date", "Dina Boluarte was barred from leaving the country by a judge.",
      "2025-10-30", "Dina Boluarte", (W("dina-boluarte", "PERELI", "kb"),)),
    C("jeri-2025", "date", "José Jerí declared a state of emergency in Lima.",
      "2025-10-22", "José Jerí", (W("jose-jeri", "PERGOV", "kb", "President"),)),
    C("mbs-2023", "date", "Mohammed bin Salman received the visiting delegation in Jeddah.",
      "2023-06-07", "Mohammed bin Salman",
      (W("mohammed-bin-salman", "SAUGOV", "kb", "Prime Minister"),)),
    C("kallas-2025", "date", "Kaja Kallas warned that Europe must rearm quickly.",
      "2025-03-19", "Kaja Kallas", (W("kaja-kallas", "IGOIGO", "kb"),)),
    C("baerbock-gap-2025", "date", "Annalena Baerbock was nominated for the UN post.",
      "2025-07-02", "Annalena Baerbock", (W("annalena-baerbock", "DEUELI", "kb"),)),
    C("han-acting-2024", "date", "Han Duck-soo pledged to keep the government running.",
      "2024-12-20", "Han Duck-soo",
      (W("han-duck-soo", "KORGOV", "kb", "Acting President"),)),
    C("elizabeth-2021", "date", "Queen Elizabeth II opened the session of parliament.",
      "2021-05-11", "Queen Elizabeth II", (W("elizabeth-ii", "GBRGOV", role="Queen"),)),
    C("king-charles-2023", "date", "King Charles addressed the French Senate in Paris.",
      "2023-09-21", "King Charles", (W("charles-iii", "GBRGOV", role="King"),)),
    C("merino-2020", "date", "Interim President Manuel Merino swore in his cabinet.",
      "2020-11-12", "Manuel Merino", (W("manuel-merino", "PERGOV", role="President"),)),
    C("guterres-accent", "date", "António Guterres urged a ceasefire in Gaza.",
      "2023-11-06", "António Guterres", (W("antonio-guterres", "IGOIGO", "kb"),)),
    C("guterres-plain", "date", "UN Secretary-General Antonio Guterres visited the Rafah crossing.",
      "2023-10-20", "Antonio Guterres", (W("antonio-guterres", "IGOIGO", "kb"),)),
    # -- full names with middle names and second surnames; split entities -----------------
    C("boluarte-full", "names", "Chinese Premier Li Qiang met Peruvian President Dina "
      "Ercilia Boluarte Zegarra in Beijing on Friday.", "2024-06-28",
      "Dina Ercilia Boluarte Zegarra", (W("dina-boluarte", "PERGOV", "alias"),)),
    C("boluarte-full-subject", "names", "Dina Ercilia Boluarte Zegarra arrived in Beijing "
      "for a state visit.", "2024-06-26", "Dina Ercilia Boluarte Zegarra",
      (W("dina-boluarte", "PERGOV", "alias"),)),
    C("boluarte-two-surnames", "names", "Peru's Dina Boluarte Zegarra addressed the APEC "
      "summit in Lima.", "2024-11-15", "Dina Boluarte Zegarra",
      (W("dina-boluarte", "PERGOV", "alias"),)),
    C("boluarte-middle", "names", "President Dina Ercilia Boluarte thanked the Chinese people "
      "for their support.", "2024-06-28", "Dina Ercilia Boluarte",
      (W("dina-boluarte", "PERGOV", "alias"),)),
    C("amlo-full", "names", "Andrés Manuel López Obrador criticised the ruling of the "
      "Supreme Court.", "2023-05-10", "Andrés Manuel López Obrador",
      (W("andres-manuel-lopez-obrador", "MEXGOV", "kb"),)),
    C("lopez-obrador", "names", "López Obrador said Mexico would not pay for the wall.",
      "2021-02-03", "López Obrador", (W("andres-manuel-lopez-obrador", "MEXGOV", "alias"),)),
    C("kast-surname", "names", "Chilean President Kast promised a crackdown on crime.",
      "2026-03-20", "Kast", (W("jose-antonio-kast", "CHLGOV", "alias"),)),
    C("petro-full", "names", "Gustavo Francisco Petro Urrego addressed the UN General "
      "Assembly.", "2023-09-19", "Gustavo Francisco Petro Urrego",
      (W("gustavo-petro", "COLGOV", "alias"),)),
    C("sheinbaum-pardo", "names", "Claudia Sheinbaum Pardo announced new tariffs on Chinese "
      "cars.", "2025-09-10", "Claudia Sheinbaum Pardo",
      (W("claudia-sheinbaum", "MEXGOV", "alias"),)),
    C("von-der-leyen", "names", "Von der Leyen said the bloc would respond firmly.",
      "2025-04-03", "Von der Leyen", (W("ursula-von-der-leyen", "IGOIGO", "alias"),)),
    C("van-klaveren", "names", "Chilean Foreign Minister Alberto van Klaveren met his "
      "Peruvian counterpart in Lima.", "2023-06-05", "Alberto van Klaveren",
      (W("alberto-van-klaveren", "CHLGOV", "kb"),)),
    C("de-la-fuente", "names", "Mexico's Foreign Secretary Juan Ramón de la Fuente spoke "
      "with Marco Rubio by phone.", "2025-02-01", "Juan Ramón de la Fuente",
      (W("juan-ramon-de-la-fuente", "MEXGOV", "kb"),)),
    C("bin-salman-surname", "names", "Crown Prince Mohammed bin Salman hosted the talks in "
      "Riyadh.", "2025-02-18", "Mohammed bin Salman", (W("mohammed-bin-salman", "SAUGOV"),)),
    C("faisal-bin-farhan", "names", "Saudi Foreign Minister Prince Faisal bin Farhan arrived "
      "in Tehran.", "2023-06-17", "Faisal bin Farhan", (W("faisal-bin-farhan", "SAUGOV"),)),
    C("jaishankar", "names", "External Affairs Minister S. Jaishankar met Wang Yi on the "
      "sidelines.", "2023-07-14", "S. Jaishankar", (W("s-jaishankar", "INDGOV", "kb"),)),
    # -- ambiguous surnames: title and date decide ----------------------------------------
    C("premier-li-2021", "surname", "Premier Li said China would keep its economy open.",
      "2021-03-11", "Premier Li", (W("li-keqiang", "CHNGOV", "alias", "Premier"),)),
    C("premier-li-2024", "surname", "Premier Li said China would keep its economy open.",
      "2024-03-05", "Premier Li", (W("li-qiang", "CHNGOV", "alias", "Premier"),)),
    C("li-keqiang-2023", "surname", "Li Keqiang, the former premier, died of a heart attack "
      "in Shanghai.", "2023-10-27", "Li Keqiang", (W("li-keqiang", "CHNELI", "kb"),)),
    C("president-xi", "surname", "President Xi told the delegation that China would not "
      "seek hegemony.", "2023-11-15", "President Xi",
      (W("xi-jinping", "CHNGOV", "alias", "President"),)),
    C("li-xi-not-xi", "surname", "Li Xi chaired a meeting of the discipline commission in "
      "Beijing.", "2023-01-09", "Li Xi", (W("li-xi", "CHNGOV", "kb"),)),
    C("xi-after-li-xi", "surname", "Li Xi chaired the meeting. President Xi later addressed "
      "the delegates.", "2023-01-09", "President Xi", (W("xi-jinping", "CHNGOV", "alias"),)),
    C("president-moon", "surname", "President Moon called for talks with Pyongyang.",
      "2020-06-25", "President Moon", (W("moon-jae-in", "KORGOV", "alias"),)),
    C("ban-former-chief", "surname", "Ban Ki-moon, the former UN chief, visited Seoul.",
      "2021-05-20", "Ban Ki-moon", (W("ban-ki-moon", "IGOELI", "kb"),)),
    C("president-lee-acting", "surname", "Acting President Lee Ju-ho ordered an inquiry.",
      "2025-05-20", "Lee Ju-ho", (W("lee-ju-ho", "KORGOV", "kb"),)),
    C("president-lee-2025", "surname", "President Lee said Seoul would raise defence spending.",
      "2025-09-01", "President Lee", (W("lee-jae-myung", "KORGOV", "alias"),)),
    C("president-fernandez", "surname", "President Fernández announced a new deal with the "
      "IMF.", "2022-01-28", "President Fernández",
      (W("alberto-fernandez", "ARGGOV", "alias", "President"),)),
    C("foreign-minister-wang", "surname", "Foreign Minister Wang called for restraint on "
      "both sides.", "2024-03-07", "Foreign Minister Wang",
      (W("wang-yi", "CHNGOV", "alias", "Minister of Foreign Affairs"),)),
    C("qin-gang-2023", "surname", "Foreign Minister Qin Gang met the US ambassador.",
      "2023-04-21", "Qin Gang", (W("qin-gang", "CHNGOV", "kb"),)),
    C("qin-gang-gone", "surname", "Qin Gang has not been seen in public for weeks.",
      "2023-09-01", "Qin Gang", (W("qin-gang", "CHNELI", "kb"),)),
    C("secretary-rubio", "surname", "Secretary of State Rubio warned Venezuela.",
      "2025-03-01", "Secretary of State Rubio",
      (W("marco-rubio", "USAGOV", "alias", "Secretary of State"),)),
    C("chancellor-scholz", "surname", "Chancellor Scholz promised more air defence for "
      "Ukraine.", "2023-06-13", "Chancellor Scholz", (W("olaf-scholz", "DEUGOV", "alias"),)),
    C("spanish-sanchez", "surname", "Spanish Prime Minister Sánchez met Lula in Brasilia.",
      "2023-03-01", "Spanish Prime Minister Sánchez", (W("pedro-sanchez", "ESPGOV", "alias"),)),
    C("unknown-castillo", "surname", "Colombian negotiator Pedro Castillo said talks would "
      "resume.", "2024-02-01", "Pedro Castillo", (W(None, "COLGOV", "composed"),)),
    C("lavrov", "surname", "Lavrov accused the West of prolonging the war.",
      "2024-02-22", "Lavrov", (W("sergey-lavrov", "RUSGOV", "alias"),)),
    C("erdogan-surname", "surname", "Erdogan said Turkey would host the next round.",
      "2022-03-13", "Erdogan", (W("recep-tayyip-erdogan", "TURGOV", "alias"),)),
    # -- transliteration variants and misspellings: fuzzy ---------------------------------
    C("lavrov-variant", "fuzzy", "Sergei Lavrov arrived in New Delhi for the G20 meeting.",
      "2023-03-01", "Sergei Lavrov", (W("sergey-lavrov", "RUSGOV", "alias"),)),
    C("lavrov-typo", "fuzzy", "Sergey Lavrow spoke to reporters after the meeting.",
      "2023-03-02", "Sergey Lavrow", (W("sergey-lavrov", "RUSGOV", "fuzzy"),)),
    C("medvedev-variant", "fuzzy", "Dmitriy Medvedev warned of a nuclear response.",
      "2023-01-19", "Dmitriy Medvedev", (W("dmitry-medvedev", "RUSGOV", "fuzzy"),)),
    C("mbs-variant", "fuzzy", "Mohamed bin Salman welcomed the Chinese president to Riyadh.",
      "2022-12-08", "Mohamed bin Salman", (W("mohammed-bin-salman", "SAUGOV", "fuzzy"),)),
    C("erdogan-typo", "fuzzy", "Recep Tayip Erdogan won the runoff on Sunday.",
      "2023-05-29", "Recep Tayip Erdogan", (W("recep-tayyip-erdogan", "TURGOV", "fuzzy"),)),
    C("baerbock-typo", "fuzzy", "German Foreign Minister Baerbok travelled to Kyiv.",
      "2023-01-10", "Baerbok", (W("annalena-baerbock", "DEUGOV", "fuzzy"),)),
    C("cavusoglu-ascii", "fuzzy", "Mevlut Cavusoglu hosted the grain talks in Antalya.",
      "2022-03-10", "Mevlut Cavusoglu", (W("mevlut-cavusoglu", "TURGOV", "kb"),)),
    C("xi-hyphen", "fuzzy", "Xi Jin-ping received the credentials of new ambassadors.",
      "2021-01-29", "Xi Jin-ping", (W("xi-jinping", "CHNGOV", "kb"),)),
    # -- organisations ----------------------------------------------------------------------
    C("g20", "org", "The G20 agreed to admit the African Union as a member.",
      "2023-09-09", "G20", (W("g20", "IGOIGO", "kb"),)),
    C("g7", "org", "The G7 pledged new sanctions on Moscow.", "2023-05-19", "G7",
      (W("g7", "IGOIGO", "kb"),)),
    C("un-dots", "org", "The U.N. called for humanitarian pauses.", "2023-11-01", "U.N.",
      (W("united-nations", "IGOIGO", "alias"),)),
    C("china-foreign-ministry", "org", "China's Foreign Ministry rejected the report as "
      "groundless.", "2024-05-01", "China's Foreign Ministry",
      (W("china-foreign-ministry", "CHNGOV"),)),
    C("huawei", "org", "Huawei unveiled a new smartphone in Shenzhen.", "2023-08-29",
      "Huawei", (W("huawei", "CHNBUS", "kb"),)),
    # -- composed: unknown people and groups from nationality and role words ---------------
    C("peru-trade-minister", "composed", "Peruvian Trade Minister Juan Carlos Mathews "
      "signed the protocol in Beijing.", "2024-06-28", "Juan Carlos Mathews",
      (W(None, "PERGOV", "composed"),)),
    C("spokeswoman", "composed", "A Chinese foreign ministry spokeswoman criticised the "
      "sanctions.", "2024-05-10", "spokeswoman", (W(None, "CHNGOV", "composed"),)),
    C("mao-ning", "composed", "Chinese foreign ministry spokesperson Mao Ning rejected the "
      "accusation.", "2024-05-10", "Mao Ning", (W(None, "CHNGOV", "composed"),)),
    C("chinese-enterprises", "composed", "Boluarte invited Chinese enterprises to invest in "
      "Peru.", "2024-06-28", "Chinese enterprises", (W(None, "CHNBUS", "composed"),)),
    C("brazilian-farmers", "composed", "Brazilian farmers blocked highways in protest.",
      "2023-01-05", "Brazilian farmers", (W(None, "BRAAGR", "composed"),)),
    C("imf-md", "composed", "IMF Managing Director Kristalina Georgieva praised the reforms.",
      "2024-05-20", "Kristalina Georgieva", (W(None, "IGOIGO", "composed"),)),
    C("who-dg", "composed", "WHO Director-General Tedros Adhanom Ghebreyesus declared the "
      "emergency over.", "2023-05-05", "Tedros Adhanom Ghebreyesus",
      (W(None, "IGOIGO", "composed"),)),
    C("appositive-minister", "composed", "Juan Carlos Mathews, Peru's foreign trade "
      "minister, said the port would open in November.", "2024-06-28",
      "Juan Carlos Mathews", (W(None, "PERGOV", "composed"),)),
    C("appositive-before", "composed", "Peru's foreign minister, Elmer Schialer, met Wang Yi "
      "in Beijing.", "2024-11-05", "foreign minister", (W("elmer-schialer", "PERGOV"),)),
    C("kenyan-lawmakers", "composed", "Kenyan lawmakers rejected the finance bill.",
      "2024-06-26", "Kenyan lawmakers", (W(None, "KENLEG", "composed"),)),
    C("russian-troops", "composed", "Russian troops shelled the city overnight.",
      "2023-02-11", "Russian troops", (W(None, "RUSMIL", "composed"),)),
    C("israeli-police", "composed", "Israeli police detained two protesters in Jerusalem.",
      "2023-03-01", "Israeli police", (W(None, "ISRCOP", "composed"),)),
    C("colombian-protesters", "composed", "Colombian protesters marched in Bogota against "
      "the reform.", "2021-05-05", "Colombian protesters", (W(None, "COLCVL", "composed"),)),
    C("compound-nationalities", "composed", "Senior Hungarian and Romanian officials agreed "
      "to reopen the crossing.", "2022-03-01", "officials",
      (W(None, "HUNGOV", "composed"), W(None, "ROUGOV", "composed"))),
    C("zelensky", "composed", "Ukrainian President Volodymyr Zelensky addressed the US "
      "Congress.", "2022-12-21", "Volodymyr Zelensky", (W("volodymyr-zelensky", "UKRGOV", "kb"),)),
    C("katherine-tai", "composed", "U.S. Trade Representative Katherine Tai met Chinese "
      "officials.", "2023-06-01", "Katherine Tai", (W(None, "USAGOV", "composed"),)),
    C("pentagon-spokesman", "composed", "Pentagon spokesman John Kirby said the drone was "
      "shot down.", "2022-03-01", "John Kirby", (W(None, "USAMIL", "composed"),)),
    C("peruvian-government", "composed", "The Peruvian government declared a state of "
      "emergency.", "2023-01-15", "Peruvian government", (W(None, "PERGOV", "composed"),)),
    C("argentine-economy-minister", "composed", "Argentine economy minister Luis Caputo "
      "announced a devaluation.", "2023-12-12", "Luis Caputo",
      (W(None, "ARGGOV", "composed"),)),
    C("brazil-court", "composed", "Brazil's Supreme Court barred the former president from "
      "office.", "2023-07-01", "Supreme Court", (W(None, "BRAJUD", "composed"),)),
    C("japanese-spokesman", "composed", "A Japanese government spokesman declined to comment.",
      "2023-08-24", "spokesman", (W(None, "JPNGOV", "composed"),)),
    # -- states and capitals ----------------------------------------------------------------
    C("beijing-said", "state", "Beijing said the visit was a provocation.", "2022-08-03",
      "Beijing", (W(None, "CHNGOV", "state"),)),
    C("peru", "state", "Peru joined the Belt and Road Initiative in 2019.", "2024-06-28",
      "Peru", (W(None, "PER", "state"),)),
    C("washington-sanctions", "state", "Washington imposed sanctions on three Chinese firms.",
      "2023-09-26", "Washington", (W(None, "USAGOV", "state"),)),
    C("moscow-kyiv", "state", "Moscow accused Kyiv of attacking the dam.", "2023-06-06",
      "Moscow", (W(None, "RUSGOV", "state"),)),
    C("kyiv-object", "state", "Moscow accused Kyiv of attacking the dam.", "2023-06-06",
      "Kyiv", (W(None, "UKR", "state"),)),
    C("visit-to-beijing", "state", "Blinken flew to Beijing on Sunday.", "2023-06-18",
      "Beijing", (W(None, "CHN", "state"),)),
    C("united-states", "state", "The United States and China agreed to resume military "
      "talks.", "2023-11-16", "United States", (W(None, "USA", "state"),)),
    C("south-korea", "state", "South Korea lodged a protest with Tokyo.", "2023-04-11",
      "South Korea", (W(None, "KOR", "state"),)),
    C("charge-curly", "composed", "Poland summoned the Belarusian charge d’affaires.",
      "2023-05-22", "Belarusian charge d’affaires", (W(None, "BLRGOV", "composed"),)),
    C("backed-group", "composed", "Iran-backed Houthi rebels attacked a ship in the Red Sea.",
      "2024-01-10", "rebels", (W("houthis", "YEMREB"),)),
    C("based-monitor", "composed", "The London-based Syrian Observatory for Human Rights said "
      "14 people were killed.", "2012-02-20", "Syrian Observatory",
      (W(None, "SYRNGO", "composed"),)),
    C("key-opposition", "composed", "Pakistan faces an election. Police on Saturday arrested "
      "key opposition leaders in Lahore.", "2007-09-30", "key opposition leaders",
      (W(None, "PAKOPP"),)),
    C("title-before-office", "date", "Military commander Frank Bainimarama has seized "
      "control of the country.", "2006-12-05", "Frank Bainimarama",
      (W("frank-bainimarama", "FJIMIL"),)),
    C("armed-police", "composed", "Serbia put its troops on alert after heavily armed Kosovar "
      "police entered northern Kosovo.", "2023-05-30", "heavily armed Kosovar police",
      (W(None, "XKXCOP"),)),
    C("ousted-president", "composed", "The ousted Bolivian president fled to Mexico.",
      "2019-11-12", "ousted Bolivian president", (W(None, "BOLELI"),)),
    C("city-office", "composed", "Ottawa Police Chief Steve Bell said access would be "
      "restricted.", "2022-02-17", "Steve Bell", (W(None, "CANCOP"),)),
    C("local-officials", "composed", "Local officials in Kharkiv said two people died.",
      "2024-02-17", "Local officials", (W(None, "UKRGOV"),)),
    C("local-governor", "composed", "Further east, in the Samara region, the local governor "
      "reported several drone attacks.", "2024-02-17", "local governor", (W(None, "RUSGOV"),)),
    C("unknown-group-name", "composed", "KATHMANDU, Nepal (AP) - Nepal's Maoist rebels have "
      "agreed to hold peace talks.", "2006-05-04", "rebels", (W(None, "NPLREB"),)),
    C("occupation-victims", "composed", "BOGOTA (AP) - ELN rebels freed four geologists.",
      "2023-03-10", "four geologists", (W(None, "COLCVL"),)),
    C("britain", "state", "Britain expelled a Russian defence attache.", "2024-05-08",
      "Britain", (W(None, "GBR", "state"),)),
    # -- coreference inside a document ------------------------------------------------------
    C("surname-after-full", "coref", "Dina Boluarte arrived in Beijing on Wednesday. "
      "Boluarte will meet business leaders in Shanghai.", "2024-06-26", "Boluarte",
      (W("dina-boluarte", "PERGOV"),), nth=1),
    C("peruvian-leader", "coref", "Xi Jinping welcomed Dina Boluarte in Beijing. The "
      "Peruvian leader thanked him for the invitation.", "2024-06-28", "Peruvian leader",
      (W("dina-boluarte", "PERGOV", "coref"),)),
    C("chinese-premier", "coref", "Li Qiang met Dina Boluarte on Friday. The Chinese premier "
      "proposed new trade initiatives.", "2024-06-28", "Chinese premier",
      (W("li-qiang", "CHNGOV", "coref"),)),
    C("she-one-woman", "coref", "Xi Jinping met Dina Boluarte in Beijing. She thanked China "
      "for its support.", "2024-06-28", "She", (W("dina-boluarte", "PERGOV", "coref"),)),
    C("he-one-man", "coref", "Dina Boluarte met Li Qiang at the Great Hall. He proposed "
      "more scholarships for Peruvian students.", "2024-06-28", "He",
      (W("li-qiang", "CHNGOV", "coref"),)),
    C("two-leaders", "coref", "Chinese Premier Li Qiang met Peruvian President Dina Boluarte "
      "in Beijing. The two leaders discussed trade.", "2024-06-28", "two leaders",
      (W("li-qiang", "CHNGOV", "coref"), W("dina-boluarte", "PERGOV", "coref"))),
    C("both-countries", "coref", "Xi Jinping met Dina Boluarte in Beijing. Both countries "
      "pledged to deepen ties.", "2024-06-28", "Both countries",
      (W(None, "CHN", "coref"), W(None, "PER", "coref"))),
    C("both-sides", "coref", "Antony Blinken met Wang Yi in Beijing. Both sides agreed to "
      "keep talking.", "2023-06-19", "Both sides",
      (W(None, "USAGOV", "coref"), W(None, "CHNGOV", "coref"))),
    C("two-countries", "coref", "Lula received Gustavo Petro in Brasilia. The two countries "
      "signed a deal on the Amazon.", "2023-07-08", "two countries",
      (W(None, "BRA", "coref"), W(None, "COL", "coref"))),
    C("they", "coref", "Premier Li Qiang and President Boluarte reaffirmed their commitment. "
      "They discussed trade and investment.", "2024-06-28", "They",
      (W("li-qiang", "CHNGOV", "coref"), W("dina-boluarte", "PERGOV", "coref"))),
    C("unknown-surname", "coref", "Peruvian Trade Minister Juan Carlos Mathews visited "
      "Chancay. Mathews said the port would open in November.", "2024-06-28", "Mathews",
      (W(None, "PERGOV", "coref"),), nth=1),
    C("foreign-minister-desc", "coref", "Antony Blinken met Qin Gang in Beijing on Sunday. "
      "The Chinese foreign minister called for stable ties.", "2023-06-18",
      "Chinese foreign minister", (W("qin-gang", "CHNGOV", "coref"),)),
    C("the-ministry", "coref", "The Russian Foreign Ministry summoned the Canadian envoy. "
      "The ministry demanded an explanation from Ottawa.", "2022-09-19", "ministry",
      (W("russia-foreign-ministry", "RUSGOV", "coref"),)),
    C("the-army-of-two", "coref", "Ukraine's army said Russian forces shelled Kharkiv. The "
      "army said it had lost a tank.", "2023-05-22", "army", (W(None, "UKRMIL", "coref"),),
      nth=1),
    C("surname-before-org-full", "coref", "Duterte, who led the Philippines until 2022, was "
      "arrested in Manila. Supporters of Rodrigo Duterte protested.", "2025-03-11", "Duterte",
      (W("rodrigo-duterte", "PHLELI"),)),
    C("office-holder", "coref", "The French president will travel to Beijing next week.",
      "2023-03-30", "French president", (W("emmanuel-macron", "FRAGOV"),)),
    C("headline-surname", "coref", "Blinken meets Xi in Beijing\n\nUS Secretary of State "
      "Antony Blinken met Chinese President Xi Jinping on Monday.", "2023-06-19", "Xi",
      (W("xi-jinping", "CHNGOV", "alias"),)),
    C("pronoun-unknown", "coref", "Ghanaian Foreign Minister Kwame Asante arrived in Lima. "
      "He met Peruvian officials on Tuesday.", "2024-06-27", "He",
      (W(None, "GHAGOV", "coref"),)),
    # -- added while checking longer texts by hand: binding, coordination, odd parses ----------
    C("binding-him", "coref", "Israeli Prime Minister Benjamin Netanyahu rejected calls for a "
      "ceasefire. Antony Blinken urged him to allow more aid into Gaza.", "2023-11-06", "him",
      (W("benjamin-netanyahu", "ISRGOV", "coref"),)),
    C("they-coordinated", "coref", "Egypt and Qatar said they would host new talks in Cairo.",
      "2023-11-20", "they", (W(None, "EGY", "coref"), W(None, "QAT", "coref"))),
    C("top-diplomat-desc", "coref", "Antony Blinken met Mahmoud Abbas in Ramallah. The top U.S. "
      "diplomat said Washington supported a Palestinian state.", "2023-11-05",
      "top U.S. diplomat", (W("antony-blinken", "USAGOV", "coref"),)),
    C("counterpart-named", "coref", "Blinken's Chinese counterpart warned against interference.",
      "2024-04-26", "counterpart", (W("wang-yi", "CHNGOV", "composed"),)),
    C("dateline-agency", "names", "BEIJING, April 14 (Reuters) - Brazilian President Luiz "
      "Inacio Lula da Silva met Chinese leader Xi Jinping on Friday.", "2023-04-14",
      "Luiz Inacio Lula da Silva", (W("lula-da-silva", "BRAGOV", "kb"),)),
    C("spokesman-for", "composed", "A spokesman for the Chinese foreign ministry, Wang Wenbin, "
      "said the visit was a success.", "2023-04-14", "Wang Wenbin",
      (W(None, "CHNGOV", "composed"),)),
    C("owner-country", "composed", "Putin's spokesman Dmitry Peskov said the talks were "
      "useful.", "2024-06-14", "Dmitry Peskov", (W(None, "RUSGOV", "composed"),)),
    C("name-tagged-noun", "names", "Starmer and Macron met in Paris to discuss Ukraine.",
      "2025-03-02", "Starmer", (W("keir-starmer", "GBRGOV", "alias"),)),
    C("country-as-given-name", "composed", "Jordan Bardella, the leader of France's National "
      "Rally, criticised the budget.", "2024-10-10", "Jordan Bardella",
      (W(None, "FRAGOV", "composed"),)),
    C("counted-group", "composed", "Five hundred Ugandan rebels surrendered last week.",
      "2022-03-01", "Ugandan rebels", (W(None, "UGAREB", "composed"),)),
    C("former-unknown", "composed", "Former Peruvian President Alejandro Toledo was "
      "extradited from the United States.", "2023-04-23", "Alejandro Toledo",
      (W(None, "PERELI", "composed"),)),
    # -- written after the resolver was tuned on the cases above (see bench/actors.py) -----
    C("h-blinken-2024", "heldout", "Secretary of State Antony Blinken arrived in Shanghai on "
      "Wednesday for three days of talks.", "2024-04-24", "Antony Blinken",
      (W("antony-blinken", "USAGOV", "kb", "Secretary of State"),)),
    C("h-rubio-senator", "heldout", "Marco Rubio, the Florida senator, criticised the "
      "administration's China policy.", "2023-02-01", "Marco Rubio",
      (W("marco-rubio", "USAELI", "kb"),)),
    C("h-wong-canberra", "heldout", "Australian Foreign Minister Penny Wong met her Chinese "
      "counterpart in Canberra.", "2024-03-20", "Penny Wong", (W("penny-wong", "AUSGOV", "kb"),)),
    C("h-counterpart", "heldout", "Australian Foreign Minister Penny Wong met her Chinese "
      "counterpart in Canberra.", "2024-03-20", "counterpart", (W("wang-yi", "CHNGOV"),)),
    C("h-modi-putin", "heldout", "Indian Prime Minister Narendra Modi held talks with Vladimir "
      "Putin in Moscow.", "2024-07-09", "Vladimir Putin", (W("vladimir-putin", "RUSGOV", "kb"),)),
    C("h-modi", "heldout", "Modi said India stood for peace.", "2024-07-09", "Modi",
      (W("narendra-modi", "INDGOV", "alias"),)),
    C("h-meloni", "heldout", "Italian Prime Minister Giorgia Meloni hosted the G7 summit in "
      "Apulia.", "2024-06-13", "Giorgia Meloni", (W("giorgia-meloni", "ITAGOV", "kb"),)),
    C("h-g7-summit", "heldout", "Italian Prime Minister Giorgia Meloni hosted the G7 summit "
      "in Apulia.", "2024-06-13", "G7 summit", ()),
    C("h-lula-xi", "heldout", "Brazilian President Luiz Inácio Lula da Silva met Xi Jinping "
      "at the Great Hall of the People.", "2023-04-14", "Luiz Inácio Lula da Silva",
      (W("lula-da-silva", "BRAGOV", "kb"),)),
    C("h-milei-imf", "heldout", "Argentine President Javier Milei met IMF chief Kristalina "
      "Georgieva in Washington.", "2024-05-01", "Kristalina Georgieva",
      (W(None, "IGOIGO", "composed"),)),
    C("h-milei", "heldout", "Argentine President Javier Milei met IMF chief Kristalina "
      "Georgieva in Washington.", "2024-05-01", "Javier Milei",
      (W("javier-milei", "ARGGOV", "kb"),)),
    C("h-petro-trump", "heldout", "Colombia's Gustavo Petro refused to accept deportation "
      "flights from the United States.", "2025-01-26", "Gustavo Petro",
      (W("gustavo-petro", "COLGOV", "kb"),)),
    C("h-sheinbaum-she", "heldout", "Claudia Sheinbaum spoke with Donald Trump by phone. She "
      "said the call was productive.", "2025-02-03", "She",
      (W("claudia-sheinbaum", "MEXGOV", "coref"),)),
    C("h-mexican-officials", "heldout", "Mexican officials said the tariffs would hurt both "
      "economies.", "2025-03-04", "Mexican officials", (W(None, "MEXGOV", "composed"),)),
    C("h-chinese-embassy", "heldout", "The Chinese embassy in Lima denied the report.",
      "2024-11-12", "Chinese embassy", (W(None, "CHNGOV", "composed"),)),
    C("h-tokyo-protest", "heldout", "Tokyo lodged a formal protest over the incursion.",
      "2024-08-27", "Tokyo", (W(None, "JPNGOV", "state"),)),
    C("h-north-korea", "heldout", "North Korea fired a ballistic missile into the sea.",
      "2024-01-14", "North Korea", (W(None, "PRK", "state"),)),
    C("h-ishiba-2025", "heldout", "Shigeru Ishiba announced his resignation as prime "
      "minister.", "2025-09-07", "Shigeru Ishiba", (W("shigeru-ishiba", "JPNGOV", "kb"),)),
    C("h-kishida-2025", "heldout", "Fumio Kishida campaigned for the party in Hiroshima.",
      "2025-07-10", "Fumio Kishida", (W("fumio-kishida", "JPNELI", "kb"),)),
    C("h-scholz-2025", "heldout", "Olaf Scholz handed over to his successor on Tuesday.",
      "2025-05-07", "Olaf Scholz", (W("olaf-scholz", "DEUELI", "kb"),)),
    C("h-premier-li-2022", "heldout", "Premier Li Keqiang chaired a State Council meeting on "
      "jobs.", "2022-05-25", "Li Keqiang", (W("li-keqiang", "CHNGOV", "kb", "Premier"),)),
    C("h-the-premier", "heldout", "Li Qiang spoke at the forum. The premier promised to "
      "open the market further.", "2024-03-24", "premier", (W("li-qiang", "CHNGOV", "coref"),)),
    C("h-both-nations", "heldout", "Chinese President Xi Jinping hosted Brazilian President "
      "Lula in Beijing. Both nations signed 15 agreements.", "2023-04-14", "Both nations",
      (W(None, "CHN", "coref"), W(None, "BRA", "coref"))),
    C("h-ramaphosa", "heldout", "South African President Cyril Ramaphosa welcomed the BRICS "
      "leaders in Johannesburg.", "2023-08-22", "Cyril Ramaphosa",
      (W("cyril-ramaphosa", "ZAFGOV", "kb"),)),
    C("h-brics", "heldout", "South African President Cyril Ramaphosa welcomed the BRICS "
      "leaders in Johannesburg.", "2023-08-22", "BRICS leaders",
      (W(None, "IGOIGO", "composed"),)),
    C("h-saudi-fm", "heldout", "Saudi Arabia's foreign minister said the kingdom would host "
      "the talks.", "2025-02-15", "foreign minister", (W("faisal-bin-farhan", "SAUGOV"),)),
    # -- a second batch written after all tuning; first run recorded in the issue notes ------
    C("h2-takaichi", "heldout2", "Japan's new prime minister, Sanae Takaichi, spoke with "
      "Donald Trump by phone.", "2025-10-25", "Sanae Takaichi",
      (W("sanae-takaichi", "JPNGOV", "kb"),)),
    C("h2-lammy-2025", "heldout2", "Foreign Secretary David Lammy flew to Washington for talks "
      "on Ukraine.", "2025-03-10", "David Lammy", (W("david-lammy", "GBRGOV", "kb"),)),
    C("h2-lammy-later", "heldout2", "David Lammy, now deputy prime minister, defended the "
      "government's record.", "2025-10-01", "David Lammy",
      (W("david-lammy", "GBRGOV", "kb", "Deputy Prime Minister"),)),
    C("h2-sanchez-colombia", "heldout2", "Colombian Foreign Minister Luis Gilberto Murillo "
      "travelled to Caracas.", "2024-07-30", "Luis Gilberto Murillo",
      (W("luis-gilberto-murillo", "COLGOV", "kb"),)),
    C("h2-murillo-surname", "heldout2", "Murillo said Colombia would not recognise the "
      "result without the tally sheets.", "2024-08-02", "Murillo",
      (W("luis-gilberto-murillo", "COLGOV", "alias"),)),
    C("h2-mexican-president", "heldout2", "The Mexican president said her government would "
      "respond to the tariffs.", "2025-02-01", "Mexican president",
      (W("claudia-sheinbaum", "MEXGOV"),)),
    C("h2-fidan", "heldout2", "Turkish Foreign Minister Hakan Fidan hosted his Russian and "
      "Ukrainian counterparts in Antalya.", "2025-04-11", "Hakan Fidan",
      (W("hakan-fidan", "TURGOV", "kb"),)),
    C("h2-south-african", "heldout2", "South African officials rejected the claims of a "
      "genocide.", "2025-05-22", "South African officials", (W(None, "ZAFGOV", "composed"),)),
    C("h2-indian-navy", "heldout2", "The Indian navy rescued the crew of the tanker.",
      "2024-01-27", "Indian navy", (W(None, "INDMIL", "composed"),)),
    C("h2-german-chancellor", "heldout2", "German Chancellor Friedrich Merz met Emmanuel Macron "
      "in Paris on his first day in office.", "2025-05-07", "Emmanuel Macron",
      (W("emmanuel-macron", "FRAGOV", "kb"),)),
    C("h2-merz", "heldout2", "German Chancellor Friedrich Merz met Emmanuel Macron in Paris on "
      "his first day in office.", "2025-05-07", "Friedrich Merz",
      (W("friedrich-merz", "DEUGOV", "kb"),)),
    C("h2-brasilia", "heldout2", "Brasilia recalled its ambassador from Tel Aviv.",
      "2024-02-19", "Brasilia", (W(None, "BRAGOV", "state"),)),
    C("h2-chile-foreign", "heldout2", "Chile's foreign ministry summoned the Argentine "
      "ambassador.", "2024-03-01", "foreign ministry", (W("chile-foreign-ministry", "CHLGOV"),)),
    C("h2-argentine-ambassador", "heldout2", "Chile's foreign ministry summoned the Argentine "
      "ambassador.", "2024-03-01", "Argentine ambassador", (W(None, "ARGGOV", "composed"),)),
    C("h2-her", "heldout2", "Kamala Harris met Volodymyr Zelensky in Munich. Her message was "
      "that America stood with Ukraine.", "2024-02-17", "Her",
      (W("kamala-harris", "USAGOV", "coref"),)),
    # -- page furniture ---------------------------------------------------------------------
    C("image-credit", "furniture", "Image Credit, CGTN’s Reporter You Yang, Cai Jingxuan\n"
      "Xi Jinping met Dina Boluarte.", "2024-06-28", "Image Credit", ()),
    C("credit-names", "furniture", "Image Credit, CGTN’s Reporter You Yang, Cai Jingxuan\n"
      "Xi Jinping met Dina Boluarte.", "2024-06-28", "You Yang", ()),
]
# fmt: on


# -- running a case --------------------------------------------------------------------------


def refs_for(case: Case, kb: KnowledgeBase) -> list[ActorRef]:
    """The actors resolved for ``case.mention``: those keyed on its head, the word of the
    mention that the rest of the sentence attaches to (several if the parse splits it)."""
    from dyad.nlp import load

    doc = load()(case.text)
    day = dt.date.fromisoformat(case.day) if case.day else None
    found = resolve_document(doc, kb, day=day)
    # The nth occurrence as whole words ("She" is not the start of "Sheinbaum").
    spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(case.mention)}(?!\w)", case.text)]
    start, end = spans[case.nth]
    out: list[ActorRef] = []
    seen: set[str] = set()
    inside = [t for t in doc if start <= t.idx < end]
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    for tok in heads:
        for r in found.at(tok):
            key = f"{r.actor_id}|{r.code}|{r.name}"
            if key not in seen:
                seen.add(key)
                out.append(r)
    return out


def fits(want: Want, ref: ActorRef) -> bool:
    return (
        want.actor_id == ref.actor_id
        and want.code == ref.code
        and (want.how is None or want.how == ref.resolved_by)
        and (want.role is None or want.role == ref.role)
    )


def check(case: Case, kb: KnowledgeBase) -> tuple[bool, list[ActorRef]]:
    """Whether ``case`` resolves as wanted: one fitting actor for each want, no others."""
    refs = refs_for(case, kb)
    if len(refs) != len(case.want):
        return False, refs
    left = list(refs)
    for want in case.want:
        match = next((r for r in left if fits(want, r)), None)
        if match is None:
            return False, refs
        left.remove(match)
    return True, refs


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(use_config_dir=False)


def test_actors_cases_are_many_and_distinct() -> None:
    assert len(CASES) >= 80
    assert len({c.key for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.key for c in CASES])
def test_actors_case(case: Case, kb: KnowledgeBase) -> None:
    ok, refs = check(case, kb)
    got = [(r.actor_id, r.code, r.resolved_by, r.role) for r in refs]
    assert ok, f"{case.mention!r} on {case.day}: got {got}, want {case.want}"
