package service

import (
	"context"
	"testing"

	"github.com/byline-reader/byline/ui/picture"
)

func TestPicturesFetchAFewAtOnce(t *testing.T) {
	var p Pictures
	ctx, lib := context.Background(), &fakeLibrary{}
	job := func(i int) PictureJob {
		return PictureJob{Key: PictureKey{Seq: 1, Image: i, Cols: 40, Rows: 10}, Mode: picture.HalfBlocks}
	}
	for i := range 3 {
		if p.Fetch(ctx, lib, job(i)) == nil {
			t.Fatalf("fetch %d was not asked", i)
		}
	}
	if p.Fetch(ctx, lib, job(0)) != nil || p.Fetch(ctx, lib, job(3)) != nil {
		t.Fatal("a picture being fetched, or a fourth, was asked")
	}
	p.Done(job(1).Key)
	if p.Fetch(ctx, lib, job(3)) == nil {
		t.Error("a fetch done makes room for another")
	}
}
