package picture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"
)

// drawn is a small picture made for the tests: four coloured quarters, a
// gradient band and a transparent corner.
func drawn(w, h int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{A: 255}
			switch {
			case x < w/4 && y < h/4:
				c.A = 0 // the transparent corner
			case y >= h*3/4:
				c = color.NRGBA{uint8(x * 255 / max(1, w-1)), uint8(x * 255 / max(1, w-1)), uint8(x * 255 / max(1, w-1)), 255}
			case x < w/2 && y < h/2:
				c.R = 220
			case y < h/2:
				c.G = 200
			case x < w/2:
				c.B = 230
			default:
				c.R, c.G = 240, 200
			}
			m.SetNRGBA(x, y, c)
		}
	}
	return m
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeGIF(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngClaiming is a PNG whose header claims w×h and holds no pixels.
func pngClaiming(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	chunk := append([]byte("IHDR"), ihdr...)
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestDecodeFormats(t *testing.T) {
	img := drawn(40, 24)
	for name, data := range map[string][]byte{
		"png": encodePNG(t, img), "gif": encodeGIF(t, img), "jpeg": encodeJPEG(t, img),
	} {
		got, err := Decode(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if b := got.Bounds(); b.Dx() != 40 || b.Dy() != 24 {
			t.Errorf("%s: decoded %v, want 40×24 (never enlarged)", name, b)
		}
	}
}

func TestDecodeKeepsOnlyWhatIsDrawn(t *testing.T) {
	got, err := Decode(encodePNG(t, drawn(3000, 1000)))
	if err != nil {
		t.Fatal(err)
	}
	if b := got.Bounds(); b.Dx() != KeepSide || b.Dy() != 400 {
		t.Errorf("kept %v, want %d×400", b, KeepSide)
	}
}

func TestDecodeRefusesHostileFiles(t *testing.T) {
	good := encodePNG(t, drawn(40, 24))
	gifData := encodeGIF(t, drawn(40, 24))
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"1×100000 PNG", encodePNG(t, image.NewGray(image.Rect(0, 0, 1, 100000))), ErrTooLarge},
		{"1×8000 PNG (aspect)", encodePNG(t, image.NewGray(image.Rect(0, 0, 1, 8000))), ErrTooLarge},
		{"claims 100000×100000", pngClaiming(100000, 100000), ErrTooLarge},
		{"claims 6000×6000 (36 MP)", pngClaiming(6000, 6000), ErrTooLarge},
		{"claims 0×10", pngClaiming(0, 10), ErrBroken},
		{"truncated", good[:len(good)/2], ErrBroken},
		{"header only", good[:20], ErrBroken},
		{"GIF then a page", append(append([]byte{}, gifData...), "<html><script>alert(1)</script></html>"...), ErrNotPicture},
		{"GIF/JS polyglot header", []byte("GIF89a/*/*\x00\x00\x00*/=1;alert(1)//"), ErrTooLarge},
		{"a web page", []byte("<!DOCTYPE html><html><body>hi</body></html>"), ErrNotPicture},
		{"empty", nil, ErrNotPicture},
		{"too many bytes", make([]byte, MaxBytes+1), ErrTooLarge},
	}
	for _, c := range cases {
		img, err := Decode(c.data)
		if !errors.Is(err, c.want) || img != nil {
			t.Errorf("%s: got %v, %v; want %v", c.name, img != nil, err, c.want)
		}
	}
}

func TestErrorsAreShortLabels(t *testing.T) {
	for _, err := range []error{ErrTooLarge, ErrNotPicture, ErrBroken} {
		if s := err.Error(); len(s) > 20 {
			t.Errorf("%q is no short label", s)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(encodePNG(f, drawn(8, 6)))
	f.Add(encodeGIF(f, drawn(8, 6)))
	f.Add(encodeJPEG(f, drawn(8, 6)))
	f.Add(pngClaiming(100000, 100000))
	f.Add([]byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrNotPicture) && !errors.Is(err, ErrBroken) {
				t.Fatalf("unlabelled error %v", err)
			}
			return
		}
		b := img.Bounds()
		if b.Dx() < 1 || b.Dy() < 1 || b.Dx() > KeepSide || b.Dy() > KeepSide {
			t.Fatalf("kept %v", b)
		}
		for _, l := range Blocks(img, 20, 8, false) {
			if len(l) == 0 {
				t.Fatal("an empty line")
			}
		}
	})
}
