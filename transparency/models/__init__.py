"""The information phase (Ley 1712 transparency menu): entity pages (the organigrama
of cms' dependencies), directories, norms, trámites, budget, plans and the menu."""

from .directories import DirectoryPage, InterestGroup, OtherEntity, PublicOfficial
from .entity import EntityInfoPage, OfficesPage, OrganigramPage, ProcessesPage, ProcessItem
from .menu import TransparencyMenuItem, TransparencyPage
from .norms import NORM_TYPES, NormIndexPage, NormPage
from .planning import (
    BudgetIndexPage,
    BudgetYearPage,
    ExecutionReport,
    IndicatorsPage,
    PlanPage,
    ProgramPage,
    ProgramProject,
    PublicationsPage,
)
from .procedures import ONLINE_LEVELS, TOPICS, ProcedureIndexPage, ProcedurePage

__all__ = [
    "NORM_TYPES",
    "ONLINE_LEVELS",
    "TOPICS",
    "BudgetIndexPage",
    "BudgetYearPage",
    "DirectoryPage",
    "EntityInfoPage",
    "ExecutionReport",
    "IndicatorsPage",
    "InterestGroup",
    "NormIndexPage",
    "NormPage",
    "OfficesPage",
    "OrganigramPage",
    "OtherEntity",
    "PlanPage",
    "ProcedureIndexPage",
    "ProcedurePage",
    "ProcessItem",
    "ProcessesPage",
    "ProgramPage",
    "ProgramProject",
    "PublicOfficial",
    "PublicationsPage",
    "TransparencyMenuItem",
    "TransparencyPage",
]
