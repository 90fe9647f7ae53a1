"""argmap: map, check, analyse and draw arguments and debates written as plain text."""

__version__ = "0.1.0"
