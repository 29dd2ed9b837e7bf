"""The touchpoint map: the hall's floor plan, its customer flow line and its touchpoints.

Plain Python (no Qt): `layout` (element kinds, zone and furniture types, starter layouts,
snapping and aligning), `flow` (the flow line's length, crossings and run-backs) and
`status` (how each touchpoint is doing).
"""
