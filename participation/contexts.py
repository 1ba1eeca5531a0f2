"""What the debate index and the debate page show, computed in a bounded number of
queries (page models call these; views reuse them)."""


def index_context(index, request):
    return {}


def debate_context(debate, request):
    return {}
