"""Policy reports, their recommendations, progress updates and the tracker."""
