"""The ecological-compensation workspace: sections, indicators, monitoring data, the rule, charts and the quality slider."""
