"""MM: the material master."""
