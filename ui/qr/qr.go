// Package qr draws a link as a QR code for the terminal: lines of half
// blocks, two modules a cell, light on dark, with a quiet zone around.
package qr

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/mdp/qrterminal/v3"
)

// Lines draws link as a QR code in half blocks.
func Lines(link string) ([]string, error) {
	if len(link) > 1200 {
		return nil, fmt.Errorf("the link is too long for a QR code (%d bytes)", len(link))
	}
	var buf bytes.Buffer
	qrterminal.GenerateWithConfig(link, qrterminal.Config{
		Level: qrterminal.L, Writer: &buf, HalfBlocks: true, QuietZone: 2,
		BlackChar: qrterminal.BLACK_BLACK, WhiteChar: qrterminal.WHITE_WHITE,
		WhiteBlackChar: qrterminal.WHITE_BLACK, BlackWhiteChar: qrterminal.BLACK_WHITE,
	})
	out := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(out) < 2 {
		return nil, errors.New("could not make a QR code of the link")
	}
	return out, nil
}

// HalfRow says whether a line of the code is only upper half blocks: the
// last row of quiet zone when the code has an odd number of rows (always,
// for an even quiet zone). Drawn on the code's dark background its lower
// half would be a dark strip below the code; drawn on the page's
// background, the code ends with its quiet zone.
func HalfRow(l string) bool {
	return l != "" && strings.Trim(l, qrterminal.WHITE_BLACK) == ""
}
