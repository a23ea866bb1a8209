"""The HTTP edge: SAP's ICF paths under /sap/ and the emulator's control API under /_fake/."""
