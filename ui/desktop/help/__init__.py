"""帮助 in ui/desktop/: the clerk's guide shipped with the program, the keyboard shortcuts, 关于,
and the data and backup folders opened in the system's file manager."""
