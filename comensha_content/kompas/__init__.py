"""The Kompas Aanpak Mensenhandel: landing page, chapters, instruments, cards and the finder."""
