"""A combo box's entries behind a plain list model (careerdesk.ui.models.choice_list)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from careerdesk.ui.models.choice_list import ChoiceListModel


def test_a_combo_over_the_model_behaves_as_one_filled_item_by_item(qtbot: Any,
                                                                   qtmodeltester: Any) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    model = ChoiceListModel(combo)
    combo.setModel(model)
    model.set_choices([("None", None, ""), ("Ann Lee", "u1", "Lead <b>analyst</b>"),
                       ("Ann Lee", "u2", "")])
    qtmodeltester.check(model)
    assert [combo.itemText(i) for i in range(combo.count())] == ["None", "Ann Lee", "Ann Lee"]
    assert combo.findData("u2") == 2
    assert combo.itemData(1, Qt.ItemDataRole.ToolTipRole) == \
        "<p style='white-space:pre-wrap'>Lead &lt;b&gt;analyst&lt;/b&gt;</p>"
    assert combo.itemData(2, Qt.ItemDataRole.ToolTipRole) is None  # no hint, no tooltip
    combo.addItem("u9", "u9")  # a saved uid no longer among the choices
    assert (combo.count(), combo.itemText(3), combo.itemData(3)) == (4, "u9", "u9")
    combo.setCurrentIndex(3)
    assert combo.currentData() == "u9"
    combo.removeItem(3)
    assert combo.count() == 3
    assert not model.setData(model.index(0), "x", Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(model)
