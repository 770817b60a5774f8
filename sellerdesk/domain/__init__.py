"""Pure-Python domain: money, enums, rules, errors and the DTOs that cross layers."""
