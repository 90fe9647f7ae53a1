"""What makes reading a large map fast, kept apart from what reading means: `fast_init.py`
builds frozen dataclasses without their generated `__init__`, `gc.py` pauses the cycle
collector while a map is read or checked."""
