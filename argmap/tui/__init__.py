"""`argmap browse`: a Textual app to read, search and follow an argument map.

`app.ArgmapApp` holds the map and reloads it; `screens.BrowserScreen` lays out the outline
(`widgets.OutlineTree`), the detail pane and the panels; `outline_model.OutlineModel` feeds
the outline lazily. Styles are in `argmap.tcss`.
"""
