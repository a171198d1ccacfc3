package picture

import (
	"image"
	"testing"
)

// BenchmarkDecodeBig is the worst a file within the limits costs: a
// 6000×4000 PNG (24 MP, compressed to almost nothing), decoded and kept
// at KeepSide.
func BenchmarkDecodeBig(b *testing.B) {
	data := encodePNG(b, image.NewNRGBA(image.Rect(0, 0, 6000, 4000)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBlocks draws a kept picture in a box of the reader's column.
func BenchmarkBlocks(b *testing.B) {
	img := Scale(drawn(1200, 800), 1200, 800)
	b.ReportAllocs()
	for b.Loop() {
		Blocks(img, 80, 18, true)
	}
}
