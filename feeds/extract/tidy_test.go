package extract

import (
	"net/url"
	"testing"
)

func TestTidyBody(t *testing.T) {
	base, _ := url.Parse("https://www.paper.example/business/cars-2019.php")
	cases := []struct{ name, in, want string }{
		{"a caption line repeated right after itself",
			"- _A row of cars at a dealership. — Jo Roe/AP_\n\n_A row of cars at a dealership. — Jo Roe/AP_\n\nSales fell.",
			"- _A row of cars at a dealership. — Jo Roe/AP_\n\nSales fell."},
		{"the same caption later, under another picture, stays",
			"_A row of cars. — AP_\n\nSales fell in October.\n\n_A row of cars. — AP_",
			"_A row of cars. — AP_\n\nSales fell in October.\n\n_A row of cars. — AP_"},
		{"a logo and the page's own address printed bare",
			"![print header logo](https://www.paper.example/i/head.png)\n\nhttps://www.paper.example/business/cars-2019.php\n\nSales fell.",
			"Sales fell."},
		{"a logo by its file name",
			"![](https://www.paper.example/static/site-logo@2x.png)\n\nSales fell.",
			"Sales fell."},
		{"a logo by its folder",
			"![](https://logo.news.example/logos/small/2687.png)\n\nSales fell.",
			"Sales fell."},
		{"another site's address and a picture of a car stay",
			"https://other.example/report.pdf\n\n![a red car on a lot](https://www.paper.example/i/car.jpg)\n\nSales fell.",
			"https://other.example/report.pdf\n\n![a red car on a lot](https://www.paper.example/i/car.jpg)\n\nSales fell."},
		{"screen-reader labels by a picture go",
			"Image\n\n![a red car](https://x.example/car.jpg)\n\nMedia caption,\n\n_A red car. — Jo Roe_\n\nGetty Images\n\nSales fell.",
			"![a red car](https://x.example/car.jpg)\n\n_A red car. — Jo Roe_\n\nSales fell."},
		{"a credit in emphasis stays",
			"![a red car](https://x.example/car.jpg)\n\n_Getty Images_\n\nSales fell.",
			"![a red car](https://x.example/car.jpg)\n\n_Getty Images_\n\nSales fell."},
		{"the same words far from a picture stay",
			"![a red car](https://x.example/car.jpg)\n\nSales fell.\n\nSo did prices.\n\nImage\n\nThe end.",
			"![a red car](https://x.example/car.jpg)\n\nSales fell.\n\nSo did prices.\n\nImage\n\nThe end."},
	}
	for _, c := range cases {
		if got := tidyBody(c.in, base); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestCaptionRepeatsAndCounters(t *testing.T) {
	cases := map[string]string{
		"A row of cars at a dealership. (AP Photo) A row of cars at a dealership. (AP Photo)": "_A row of cars at a dealership. (AP Photo)_",
		"2 of 4 A shopper looks at extension cords.":                                          "_A shopper looks at extension cords._",
		"3 of the 4 shoppers bought cords.":                                                   "_3 of the 4 shoppers bought cords._",
	}
	for in, want := range cases {
		if got := italicLine(in, ""); got != want {
			t.Errorf("italicLine(%q) = %q, want %q", in, got, want)
		}
	}
}
