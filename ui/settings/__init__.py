"""The Settings desk (设置): centre profile, accounts, communities, language and text size."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.settings.desk import SettingsDesk

__all__ = ["SettingsDesk"]


def __getattr__(name: str) -> Any:
    # Imported when asked for, not with the package: `ui.menu.catalogue` uses parts of
    # `ui.settings` while the Settings desk's menu page uses the catalogue, so importing the
    # desk here would make `import ui.menu.catalogue` (the Service menu desk's 服务项目) circular.
    if name == "SettingsDesk":
        from ui.settings.desk import SettingsDesk

        return SettingsDesk
    raise AttributeError(name)
