"""Why a printout cannot be made, in words the user can act on."""

from __future__ import annotations

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message


class ReportError(Exception):
    """Carries a Message: the command line prints it in Chinese, the window translates it."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


def unknown_round(name: str, available: list[str]) -> ReportError:
    return ReportError(
        Message(
            "Reports",
            QT_TRANSLATE_NOOP("Reports", "没有名为“{name}”的巡检。可用的巡检：{available}"),
            {"name": name, "available": available or "—"},
        )
    )


def nothing_to_print(what: Message) -> ReportError:
    return ReportError(
        Message(
            "Reports", QT_TRANSLATE_NOOP("Reports", "没有可以打印的内容：{what}"), {"what": what}
        )
    )


def no_template() -> ReportError:
    return ReportError(
        Message("Reports", QT_TRANSLATE_NOOP("Reports", "这个营业厅还没有巡检模板。"))
    )
