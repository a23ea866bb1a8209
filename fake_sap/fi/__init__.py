"""FI: accounting documents (BKPF/BSEG), open and cleared items, clearing."""
