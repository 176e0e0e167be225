"""Options shared by every renderer."""

from __future__ import annotations

import attrs

__all__ = ["RenderOptions"]


@attrs.frozen
class RenderOptions:
    """Options every renderer understands (each uses the ones that apply to it).

    `lang` picks the label set (``ko`` or ``en``) and the translated texts where the
    agenda gives them, `width` the text table's display
    width, `bom` a UTF-8 byte-order mark for CSV.
    """

    lang: str = "ko"
    width: int = 100
    bom: bool = False
