"""staffing tab."""
