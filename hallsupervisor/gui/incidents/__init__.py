"""incidents tab."""
