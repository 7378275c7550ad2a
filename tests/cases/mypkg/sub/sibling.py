SIB = "sibling-value"
