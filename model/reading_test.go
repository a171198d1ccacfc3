package model

import (
	"testing"
)

func TestReadingMinutes(t *testing.T) {
	word := "word "
	for _, tt := range []struct{ words, want int }{{0, 1}, {10, 1}, {230, 1}, {460, 2}, {1000, 4}, {1200, 5}} {
		text := ""
		for i := 0; i < tt.words; i++ {
			text += word
		}
		if got := ReadingMinutes(text); got != tt.want {
			t.Errorf("ReadingMinutes(%d words) = %d, want %d", tt.words, got, tt.want)
		}
	}
	if n := WordCount("# Title\n\n- one *two* — three"); n != 4 {
		t.Errorf("WordCount = %d, want 4", n)
	}
}
