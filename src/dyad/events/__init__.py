"""Stage 6, events: triggers -> PLOVER events with arguments, status, date and place."""

from dyad.events.extract import extract_events

__all__ = ["extract_events"]
