package main

import (
	"math"
	"testing"
)

func TestClipCutsToTheRectangle(t *testing.T) {
	square := []point{{-5, -5}, {5, -5}, {5, 5}, {-5, 5}}
	got := clip(square, 0, 0, 10, 10)
	if a := math.Abs(area(got)); a != 25 {
		t.Errorf("clipped area %v, want 25 (%v)", a, got)
	}
	if got := clip(square, 20, 20, 30, 30); len(got) != 0 {
		t.Errorf("outside square kept: %v", got)
	}
}

func TestSimplifyKeepsCornersDropsNoise(t *testing.T) {
	line := []point{{0, 0}, {1, 0.1}, {2, -0.1}, {3, 0}, {3, 3}}
	got := simplify(line, 0.5)
	if len(got) != 3 || got[1] != (point{3, 0}) {
		t.Errorf("simplify = %v", got)
	}
}

func TestSubstituteMergesThroughTheSharedArc(t *testing.T) {
	// dst walks arc 7 forward; src walks it backwards (^7) then arc 9.
	got, ok := substitute([]int{1, 7, 2}, []int{^7, 9}, ^7)
	if !ok || len(got) != 3 || got[0] != 1 || got[1] != 9 || got[2] != 2 {
		t.Errorf("substitute = %v, %v", got, ok)
	}
	if _, ok := substitute([]int{1, 2}, []int{^7, 9}, ^7); ok {
		t.Error("merged polygons that share no arc")
	}
}
