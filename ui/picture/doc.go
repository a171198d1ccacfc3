// Package picture turns an article's image into what a terminal can
// show: Decode reads the bytes (PNG, JPEG, GIF's first frame, WebP),
// refusing a hostile file before it costs memory, and keeps the picture
// no larger than byline ever draws; Blocks draws it with Unicode half
// blocks in 24-bit or 256 colours; KittyTransmit and KittyPlaceholder
// speak the kitty graphics protocol in its Unicode placeholder mode, and
// Passthrough carries its sequences through tmux.
//
// It does no IO and knows nothing of Bubble Tea: the app fetches the
// bytes, calls these functions off the event loop, and writes what they
// return.
package picture
