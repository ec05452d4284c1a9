# NOR bank image builder (FTL + LogFS in a partition).
host-tool-y += norimage
tool-norimage-src := tools/norimage/norimage.c tools/logfs/logfs_image.c tools/lib/cli.c
