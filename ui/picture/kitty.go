package picture

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/png"
	"strconv"
	"strings"
)

// The kitty graphics protocol in its Unicode placeholder mode
// (https://sw.kovidgoyal.net/kitty/graphics-protocol/#unicode-placeholders):
// the picture is sent once, quietly, with a virtual placement of cols×rows
// cells; it is then shown wherever the text holds placeholder cells, each
// U+10EEEE with its row and column as diacritics and the image's id as
// its foreground colour. The placeholders are ordinary text, so Bubble
// Tea's renderer and tmux move them like any other.

// chunkSize is the most base64 a graphics sequence carries.
const chunkSize = 4096

// Placeholder is the character that stands for a cell of an image.
const Placeholder = '\U0010EEEE'

// KittyTransmit is the sequences that send img (as PNG) under id and make
// its virtual placement of cols×rows cells: a=T, U=1, q=2 (the terminal
// answers nothing), the base64 cut in chunks of at most 4096 bytes, every
// one but the last with m=1. Write it once per image and id.
func KittyTransmit(id uint32, img image.Image, cols, rows int) string {
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return ""
	}
	data := base64.StdEncoding.EncodeToString(buf.Bytes())
	head := "a=T,f=100,t=d,i=" + strconv.FormatUint(uint64(id), 10) +
		",U=1,c=" + strconv.Itoa(cols) + ",r=" + strconv.Itoa(rows) + ",q=2"
	return kittyChunks(head, data)
}

// kittyChunks writes the graphics sequences carrying data: the first with
// the keys in head, the others with m (and q) only.
func kittyChunks(head, data string) string {
	var b strings.Builder
	b.Grow(len(data) + (len(data)/chunkSize+1)*32 + len(head))
	for first := true; first || data != ""; first = false {
		chunk := data[:min(len(data), chunkSize)]
		data = data[len(chunk):]
		b.WriteString("\x1b_G")
		if first {
			b.WriteString(head + ",")
		}
		if data != "" {
			b.WriteString("m=1")
		} else {
			b.WriteString("m=0")
		}
		if !first {
			b.WriteString(",q=2")
		}
		b.WriteString(";" + chunk + "\x1b\\")
	}
	return b.String()
}

// KittyPlaceholder is the text that shows image id in cols×rows cells:
// per line, the id as the foreground colour (256-colour for ids under
// 256, else 24-bit, its top byte as a third diacritic), then each cell's
// placeholder with its row and column diacritics. At most
// len(diacritics) rows and columns can be named; more are cut.
func KittyPlaceholder(id uint32, cols, rows int) []string {
	cols, rows = min(cols, len(diacritics)), min(rows, len(diacritics))
	if cols <= 0 || rows <= 0 {
		return nil
	}
	var fg, top string
	if id < 256 {
		fg = "\x1b[38;5;" + strconv.Itoa(int(id)) + "m"
	} else {
		fg = "\x1b[38;2;" + strconv.Itoa(int(id>>16&0xff)) + ";" + strconv.Itoa(int(id>>8&0xff)) + ";" + strconv.Itoa(int(id&0xff)) + "m"
		if id>>24 != 0 {
			top = string(diacritics[id>>24])
		}
	}
	lines := make([]string, rows)
	var b strings.Builder
	for r := range rows {
		b.Reset()
		b.WriteString(fg)
		for c := range cols {
			b.WriteRune(Placeholder)
			b.WriteRune(diacritics[r])
			b.WriteRune(diacritics[c])
			b.WriteString(top)
		}
		b.WriteString("\x1b[39m")
		lines[r] = b.String()
	}
	return lines
}

// Passthrough wraps each escape sequence of seq (each ended by ESC \) for
// tmux, which passes it on to the terminal when its allow-passthrough
// option is on: ESC P tmux; the sequence with its every ESC doubled,
// ESC \. Text between sequences is left out.
func Passthrough(seq string) string {
	var b strings.Builder
	b.Grow(len(seq) + len(seq)/chunkSize*16 + 16)
	for seq != "" {
		end := strings.Index(seq, "\x1b\\")
		if end < 0 {
			end = len(seq)
		} else {
			end += 2
		}
		one := seq[:end]
		seq = seq[end:]
		if !strings.HasPrefix(one, "\x1b") {
			continue
		}
		b.WriteString("\x1bPtmux;")
		b.WriteString(strings.ReplaceAll(one, "\x1b", "\x1b\x1b"))
		b.WriteString("\x1b\\")
	}
	return b.String()
}

// KittyQuery asks the terminal whether it speaks the graphics protocol: a
// query action for a 1×1 picture with id, then a request for the primary
// device attributes. A terminal that answers the first (a graphics
// response with that id) before the second speaks it.
func KittyQuery(id uint32) string {
	return "\x1b_Gi=" + strconv.FormatUint(uint64(id), 10) + ",s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[c"
}

// KittyCells draws img in kitty's placeholder mode fitted in cols×rows cells
// (its aspect kept, a cell twice as tall as wide): the placeholder lines
// to paint, and the sequence that sends the picture, scaled to about a
// cell's pixels, under id.
func KittyCells(img image.Image, id uint32, cols, rows int) (lines []string, transmit string) {
	b := img.Bounds()
	pw, ph := Fit(b.Dx(), b.Dy(), cols, 2*rows)
	kc, kr := pw, (ph+1)/2
	sw, sh := Fit(b.Dx(), b.Dy(), kc*10, kr*20)
	return KittyPlaceholder(id, kc, kr), KittyTransmit(id, Scale(img, sw, sh), kc, kr)
}
