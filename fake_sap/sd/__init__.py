"""SD: customers (with FI's company-code and credit data) and, later, sales documents."""
