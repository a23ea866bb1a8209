"""Unit tests of the emulator's pure parts: IDoc declarations, parsing, validation and
writing on in-memory bytes, the RFC type system and WHERE parser, SD codes, conversion
exits and customizing data."""
