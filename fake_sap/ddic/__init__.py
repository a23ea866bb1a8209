"""SAP's ABAP Dictionary (SE11), declared once, as data.

The dictionary holds the elementary ABAP types, the data elements that give a field its type,
length, decimals and conversion exit, and the SAP tables with their keys. The database schema,
RFC_READ_TABLE, DDIF_FIELDINFO_GET, the BAPI structures and the IDoc segments take their fields
from here. This package imports nothing from the rest of the emulator but its errors, so every
layer may use it.
"""
