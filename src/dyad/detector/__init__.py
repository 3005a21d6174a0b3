"""A learned event detector: trigger words, their PLOVER type, mode and a probability."""
