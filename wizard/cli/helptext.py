"""``--help`` in Chinese.

typer and click write their help in English ("Usage", "Options", "Show this message and
exit.", "[default: …]"), and the strings live in different places from one typer version
to the next. So the commands draw their own help from the same click objects: the usage
line, the description, and tables of arguments, options and commands.
"""

from __future__ import annotations

from typing import Any

import typer.core

OPTIONS_METAVAR = "[选项]"


def _argument_row(param: Any) -> tuple[str, str]:
    name = param.metavar or param.name.upper()
    return (name if param.required else f"[{name}]"), (getattr(param, "help", None) or "")


def _option_row(param: Any) -> tuple[str, str]:
    # The long name first: it says what the option is.
    names = " / ".join(sorted([*param.opts, *param.secondary_opts], key=len, reverse=True))
    if param.name == "help" or "--help" in param.opts:
        return names, "显示此帮助并退出。"
    if not getattr(param, "is_flag", False):
        names += f" {param.metavar or '值'}"
    text = getattr(param, "help", None) or ""
    default = param.default
    if not getattr(param, "is_flag", False) and default not in (None, (), []):
        text += f"（默认：{default}）"
    if param.required:
        text += "（必填）"
    return names, text


def help_sections(ctx: Any) -> tuple[str, str, list[tuple[str, list[tuple[str, str]]]]]:
    """The usage line, the description and the tables of one command's help."""
    command = ctx.command
    params = command.get_params(ctx)
    arguments = [_argument_row(p) for p in params if p.param_type_name == "argument"]
    options = [_option_row(p) for p in params if p.param_type_name == "option"]
    usage = f"用法：{ctx.command_path} {OPTIONS_METAVAR}"
    usage += "".join(f" {name}" for name, _ in arguments)
    sections = [("参数", arguments), ("选项", options)]
    if isinstance(command, typer.core.TyperGroup):
        usage += " 命令 [参数]..."
        commands = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                commands.append((name, sub.get_short_help_str(limit=60)))
        sections.append(("命令", commands))
    return usage, (command.help or "").strip(), [(t, rows) for t, rows in sections if rows]


def show_help(ctx: Any) -> None:
    from wizard.render.help import help_renderable
    from wizard.render.terminal import make_console

    make_console().print(help_renderable(*help_sections(ctx)))


class ChineseHelpGroup(typer.core.TyperGroup):
    def format_help(self, ctx: Any, formatter: Any) -> None:  # noqa: ARG002 (click's signature)
        show_help(ctx)


class ChineseHelpCommand(typer.core.TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:  # noqa: ARG002 (click's signature)
        show_help(ctx)
