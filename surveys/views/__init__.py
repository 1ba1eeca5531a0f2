"""Public and staff views of the surveys app, one module per concern."""
