"""The ecological-compensation workspace: sections, indicators, monitoring data, the rule, charts, quality slider."""
