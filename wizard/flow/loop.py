"""The question loop: ask, save after every answer, go back, open help or the menu."""

from __future__ import annotations

from wizard import prompter
from wizard.base.errors import Interrupted
from wizard.flow import carried, editors, figures, questions, structure, which
from wizard.flow.context import Context, Quit
from wizard.flow.menu import menu
from wizard.kinds import kind_of
from wizard.prompter import GoBack, OpenMenu, ShowHelp
from wizard.render import screens
from wizard.render.terminal import Console
from wizard.report.draft import report_title, topic_figures
from wizard.session import Session, resume_command
from wizard.state import progress, text_figures
from wizard.state.steps import Step


def header(context: Context, step: Step) -> None:
    interview = context.interview
    context.console.print()
    # The part as the draft names it: the unit's own heading when it gave one.
    shape = interview.document.outline
    part = shape.part_name(step.section)
    screens.header(
        context.console,
        report_title(interview),
        part,
        progress.position(interview, step.id),
        context.shown_done(progress.tally(interview).percent),
        step.topic_heading,
    )
    context.note_keys()
    if step.id in interview.invalid:
        why = interview.invalid[step.id]
        context.say(f"之前保存的答案已不符合要求：{why}，请重新回答。", "yellow")
    if step.id in interview.review:
        context.say("这是沿用上一年度的内容：请确认，或改写成今年的情况。", "yellow")


def _figures_together(context: Context, step: Step) -> bool:
    """A figure asked elsewhere: in the clerk's own sentence that states it (changed there,
    this year's in its form), or with the figures that follow it, on one form."""
    if not step.question.is_numeric:
        return False
    if step.id in text_figures.locate(context.interview).said_questions:
        return True
    group = figures.figure_steps(context, step)
    if len(group) < 2 or not figures.forms_work():
        return False
    header(context, step)
    figures.ask_figures(context, group)
    return True


def ask(context: Context, step: Step) -> None:
    if _figures_together(context, step):
        return
    header(context, step)
    interview = context.interview
    question = step.question
    asks = kind_of(question).asks
    if asks == "topics":  # the wizard's own question, not one a questionnaire writes
        editors.edit_topics(context, step)
        return
    if step.id in interview.review:
        if carried.review_section(context, step):
            return
        figures.update_carried(context, step.id)  # last year's figures first, in place
    if asks == "list":
        if step.id in interview.review and interview.items(step.id):
            carried.review_items(context, question, step.topic_heading)
        said = topic_figures(interview, step.topic) if step.topic is not None else ""
        editors.edit_list(context, question, said)
    elif asks == "choice":
        questions.ask_choice(context, question)
    elif asks == "multichoice":
        questions.ask_multichoice(context, question)
    else:
        questions.ask_text(context, question)
    if text_figures.is_prose(question):
        figures.confirm_written(context, step.id)


def loop(context: Context, fresh: bool) -> None:
    interview = context.interview
    steps = interview.steps()
    step = steps[0] if fresh and steps else progress.next_step(interview)
    drafted = None if fresh else _drafted(context, steps)
    if drafted is not None:
        step = drafted
        context.say(f"上次停在这一题，没写完的内容已放回输入框：{step.question.label}", "green")
    elif not fresh and step is not None:
        context.say(f"从这一题继续：{step.question.label}", "green")
    while True:
        if step is None:
            context.say("所有问题都已回答或跳过。", "green")
            step = menu(context)
            continue
        current = step
        try:
            ask(context, current)
            step = _after(context, current)
        except GoBack:
            step = progress.previous_step(context.interview, current.id)
            if step is None:
                context.say("已经是第一题了。", "yellow")
                step = current
            step = figures.group_start(context, step)
        except ShowHelp:  # what was typed is kept as a draft and offered again
            question = current.question
            context.show_help(question.label, question.help, question.example)
        except OpenMenu:
            step = menu(context, current)


def _after(context: Context, current: Step) -> Step | None:
    """The step after an answer, once what it opens is offered: the questionnaire the
    unit's name asks for (which then gives the questions), the outline after the basics."""
    if current.id == "unit_name":
        which.offer_questionnaire(context)
    following = progress.next_step(context.interview, after=current.id)
    if _leaves_the_basics(context, current, following):
        structure.offer(context)
    return following


def _drafted(context: Context, steps: list[Step]) -> Step | None:
    """The question the clerk left half typed (Ctrl-C, a closed window): resume opens there,
    with the words in the box; a topic's figures open as their whole form."""
    if not context.interview.document.draft_ids():
        return None
    step = next((s for s in steps if context.interview.document.draft(s.id) is not None), None)
    return figures.group_start(context, step) if step is not None else None


def _leaves_the_basics(context: Context, current: Step, following: Step | None) -> bool:
    """The first part (title, unit, year) just finished: time to show the outline, once."""
    sections = context.interview.questionnaire.sections
    first = sections[0].id if sections else ""
    return (
        current.section.id == first
        and (following is None or following.section.id != first)
        and not context.interview.document.outline_offered
    )


def run(session: Session, console: Console, fresh: bool) -> None:
    """Interview until the user quits; Ctrl-C or end of input become Interrupted."""
    context = Context(session, console, ask)
    try:
        with prompter.signals_end_prompts():
            loop(context, fresh)
    except Quit:
        where = session.finish()  # raises, naming what was tried, when nothing could be saved
        context.say(f"已保存到 {where}。继续填写请运行：{resume_command(where)}", "green")
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(session) from None
    except prompter.Terminated as signal:
        raise Interrupted(session, 128 + signal.signum) from None
