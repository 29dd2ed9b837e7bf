"""touchpoints tab."""
