"""The instruments of Chapter 8 §3, one folder each; importing this package registers them."""

from ..instrument import register
from .eco_compensation import ECO_COMPENSATION_INSTRUMENT
from .project_cost import PROJECT_COST
from .proportional import PROPORTIONAL_SPLIT

for _instrument in (PROPORTIONAL_SPLIT, PROJECT_COST, ECO_COMPENSATION_INSTRUMENT):
    register(_instrument)
