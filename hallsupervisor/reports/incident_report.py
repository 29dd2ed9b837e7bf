"""The incident report: what happened when, the steps done and skipped (with reasons), the
notes, the people, the roles and hand-overs, the outcome and the follow-ups. No Qt here.

Everything comes from the run's log (storage.incidents), so the report shows the run exactly
as it was recorded; when a line was entered later than it happened, both times are printed.
"""

from __future__ import annotations

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.incidents import run
from hallsupervisor.domain.incidents.playbook import ROLES
from hallsupervisor.reports import errors, pdf
from hallsupervisor.reports.pdf import (
    GREEN,
    MUTED,
    RED,
    furniture,
    grid,
    heading,
    markup,
    printable,
    rich,
    spacer,
    text,
)
from hallsupervisor.reports.round_report import STATUS_LABELS as ACTION_WORDS
from hallsupervisor.reports.round_report import hall_name
from hallsupervisor.storage import incidents as records

CTX = "Reports"

KIND_WORDS = {
    run.START: "开始",
    run.DONE: "完成",
    run.SKIP: "跳过",
    run.REOPEN: "撤回",
    run.ADD_STEP: "增加步骤",
    run.NOTE: "记录",
    run.PERSON: "人员",
    run.ROLE: "分工",
    run.ANNOUNCE: "广播",
    run.PROMPT: "提醒",
    run.TARGET: "时限",
    run.CLOSE: "结束",
}
PERSON_WORDS = run.PERSON_KINDS


def _role(code: str) -> str:
    return ROLES.get(code, code or "—")


def _duration(seconds: int) -> str:
    minutes = seconds // 60
    if minutes >= 60:
        return f"{minutes // 60} 小时 {minutes % 60} 分钟"
    return f"{minutes} 分钟"


def timeline_rows(incident, state: run.RunState, language: str) -> list[list]:
    """One row per log line, in the order things happened."""
    rows = [[text("发生", "cell_small"), text("录入", "cell_small"), text("类别", "cell_small"),
             text("内容", "cell_small")]]
    for entry in sorted(state.log, key=lambda e: (e.happened_at, e.entered_at)):
        step = state.step(entry.step_id) if entry.step_id else None
        content = ""
        if entry.kind == run.START:
            content = "演练开始" if incident.drill else "开始处置"
        elif entry.kind in (run.DONE, run.SKIP, run.REOPEN, run.ADD_STEP):
            content = step.display(language) if step else entry.text or entry.step_id
        elif entry.kind == run.PERSON:
            kind = PERSON_WORDS.get(entry.data.get("kind", ""), "")
            description = entry.data.get("description") or ""
            content = f"{kind}：{entry.text}" + (f"（{description}）" if description else "")
        elif entry.kind == run.ROLE:
            content = f"{_role(entry.data.get('role', ''))}：{entry.text}"
        elif entry.kind == run.ANNOUNCE and entry.data.get("media"):
            content = f"媒体口径：{entry.text}"
        else:
            content = entry.text
        parts = [markup(content)]
        if entry.reason:
            parts.append(markup(f"　原因：{entry.reason}", color=RED))
        colour = RED if entry.kind == run.SKIP else (GREEN if entry.kind == run.DONE else None)
        entered = entry.entered_at.strftime("%H:%M:%S") if entry.late_entry else ""
        rows.append([
            text(entry.happened_at.strftime("%H:%M:%S")),
            text(entered, "cell_small", textColor=MUTED),
            rich([markup(KIND_WORDS.get(entry.kind, entry.kind), color=colour)]),
            rich(parts),
        ])
    return rows


def _story(store, incident_id: str, language: str) -> tuple[list, object]:
    incident, state = records.load(store, incident_id)
    title = run.text_of(incident.body.get("title"), language) or incident.title
    story: list = [
        text(("演练报告 · " if incident.drill else "事件报告 · ") + title, "title"),
    ]
    if incident.drill:
        story.append(text("本次为演练，不计入真实事件统计。", "body", textColor=RED))
    touchpoint = ""
    if incident.touchpoint_id:
        row = store.one("SELECT code, name FROM touchpoints WHERE id = ?",
                        (incident.touchpoint_id,))
        touchpoint = f"{row['code']} {row['name']}" if row else ""
    revised = store.one(
        "SELECT v.version, v.revised_on, v.owner FROM incidents i JOIN playbook_versions v "
        "ON v.id = i.playbook_version_id WHERE i.id = ?",
        (incident_id,),
    )
    end = incident.closed_at
    done, skipped, open_ = state.counts()
    facts = [
        ("营业厅", hall_name(store, incident.hall_id)),
        ("预案版本", f"第 {revised['version']} 版，修订于 {revised['revised_on']}"
         + (f"，负责人 {revised['owner']}" if revised["owner"] else "") if revised else "—"),
        ("开始", incident.started_at.strftime("%Y-%m-%d %H:%M:%S")),
        ("结束", end.strftime("%Y-%m-%d %H:%M:%S") if end else "仍在处置中"),
        ("用时", _duration(state.elapsed(end or incident.started_at))),
        ("地点", incident.location or "—"),
        ("触点", touchpoint or "—"),
        ("步骤", f"完成 {done}，跳过 {skipped}，未做 {open_}"),
    ]
    rows = [[text(k, "cell_small", textColor=MUTED), text(v)] for k, v in facts]
    story += grid(rows, [28, None], header_rows=0)

    story += heading("处置结果")
    story.append(text(incident.outcome or "（尚未结束）", "body"))

    story += heading("时间线", "按发生时间；补录的记录同时列出录入时间")
    story += grid(timeline_rows(incident, state, language), [20, 18, 20, None])

    story += heading("步骤")
    rows = [[text("#", "cell_small"), text("步骤", "cell_small"), text("由谁做", "cell_small"),
             text("结果", "cell_small")]]
    for number, step in enumerate(state.steps, start=1):
        label = step.display(language) + ("（处置中增加）" if step.added else "")
        if step.status == run.STEP_DONE:
            result = rich([markup(f"{pdf.mark_pass()} 完成 {step.at:%H:%M:%S}", color=GREEN)])
        elif step.status == run.SKIPPED:
            result = rich([markup(f"{pdf.mark_fail()} 跳过 {step.at:%H:%M:%S}", color=RED),
                           markup(f"　{step.reason}")])
        else:
            result = text("未做", textColor=MUTED)
        rows.append([text(str(number)), text(label), text(_role(step.role)), result])
    story += grid(rows, [8, None, 20, 55])

    roles = records.role_history(store, incident_id)
    if roles:
        story += heading("分工与交接")
        rows = [[text("职责", "cell_small"), text("人员", "cell_small"),
                 text("从", "cell_small"), text("到", "cell_small")]]
        for row in roles:
            rows.append([text(_role(row["role"])), text(row["person"]),
                         text(row["from_at"][11:19]),
                         text(row["until_at"][11:19] if row["until_at"] else "结束")])
        story += grid(rows, [25, None, 25, 25])

    if state.people:
        story += heading("相关人员")
        for entry in state.people:
            kind = PERSON_WORDS.get(entry.data.get("kind", ""), "")
            description = entry.data.get("description") or ""
            story.append(text(f"{kind}：{entry.text}" + (f"，{description}" if description
                                                        else ""), "body"))
    if state.notes:
        story += heading("记录")
        for entry in state.notes:
            story.append(text(f"{entry.happened_at:%H:%M} {entry.text}", "body"))

    story += heading("后续整改")
    follow_ups = records.follow_ups(store, incident_id)
    if follow_ups:
        rows = [[text("整改事项", "cell_small"), text("责任人", "cell_small"),
                 text("期限", "cell_small"), text("状态", "cell_small")]]
        for action in follow_ups:
            rows.append([text(action["title"]), text(action["owner_name"] or "未指定"),
                         text(action["due_date"]),
                         text(ACTION_WORDS.get(action["status"], action["status"]))])
        story += grid(rows, [None, 28, 24, 20])
    else:
        story.append(text("无", "body"))
    story.append(spacer(6))
    story.append(text("值班长签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿", "body"))
    return story, incident


def build(store, incident_id: str, lang: str = "zh_CN") -> bytes:
    """The report of one incident (or drill) as PDF bytes."""
    try:
        story, incident = _story(store, incident_id, lang)
    except LookupError as exc:
        raise errors.nothing_to_print(
            Message(CTX, QT_TRANSLATE_NOOP("Reports", "找不到这次事件"), {})
        ) from exc
    hall = hall_name(store, incident.hall_id)
    header = f"{hall} · {'演练' if incident.drill else '事件'}报告 · " \
             f"{incident.started_at:%Y-%m-%d %H:%M} {incident.title}"
    return pdf.build(
        story,
        title=printable(f"事件报告 {hall} {incident.started_at:%Y-%m-%d} {incident.title}"),
        furniture=furniture(header, "营业厅现场管理助手 · 事件报告"),
    )
