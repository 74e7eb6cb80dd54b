"""服务菜单: the Service menu desk and its parts."""
