package main

import "testing"

func TestHeadroomLimit(t *testing.T) {
	const mb = 1 << 20
	for _, tc := range []struct {
		name              string
		floor, live, want int64
	}{
		{"live well under the floor", 224 * mb, 100 * mb, 224 * mb},
		{"half again the live heap is the floor", 224 * mb, 224 * mb * 2 / 3, 224 * mb},
		{"live near the floor", 224 * mb, 200 * mb, 300 * mb},
		{"a graph ten times larger", 224 * mb, 1400 * mb, 2100 * mb},
		{"no reading", 224 * mb, 0, 224 * mb},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := headroomLimit(tc.floor, tc.live); got != tc.want {
				t.Errorf("headroomLimit(%d MB, %d MB) = %d MB, want %d MB", tc.floor/mb, tc.live/mb, got/mb, tc.want/mb)
			}
		})
	}
}
