// SPDX-License-Identifier: GPL-2.0
/*
 * Split virtqueues (virtio 1.1, 2.6): descriptor table, available ring,
 * used ring, in the legacy contiguous layout (which virtio 1.x transports
 * accept too, by address).  Buffers are cleaned from the D-cache before
 * the device sees them and device-written ones invalidated after.
 *
 * Layer: virtio, under the device drivers, over the transport's notify.
 * Locking: the caller serialises add/get on a queue (virtio-blk does it
 * with interrupts masked).  Knows no transport and no device type.
 */
#include <virtio/virtio.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <asm/memory.h>
#include <asm/barrier.h>
#include <asm/cacheflush.h>

#define VRING_DESC_F_NEXT	1
#define VRING_DESC_F_WRITE	2

struct vring_desc {
	u64 addr;
	u32 len;
	u16 flags;
	u16 next;
};

struct vring_avail {
	u16 flags;
	u16 idx;
	u16 ring[];
};

struct vring_used_elem {
	u32 id;
	u32 len;
};

struct vring_used {
	u16 flags;
	u16 idx;
	struct vring_used_elem ring[];
};

static unsigned long align_up(unsigned long v, unsigned long a)
{
	return (v + a - 1) & ~(a - 1);
}

size_t vring_size(unsigned int num, unsigned long align)
{
	return align_up(sizeof(struct vring_desc) * num + 2 * (3 + num), align) +
	       2 * 3 + sizeof(struct vring_used_elem) * num;
}

void vring_init(struct virtqueue *vq, void *mem, unsigned int num, unsigned long align)
{
	vq->num = num;
	vq->desc = mem;
	vq->avail = (void *)((u8 *)mem + sizeof(struct vring_desc) * num);
	vq->used = (void *)align_up((unsigned long)&vq->avail->ring[num + 1], align);
	for (unsigned int i = 0; i < num; i++)
		vq->desc[i].next = (u16)(i + 1);
	vq->free_head = 0;
	vq->num_free = (u16)num;
	vq->last_used = 0;
	dma_clean_range(mem, vring_size(num, align));
}

int virtqueue_add(struct virtqueue *vq, const struct vq_buf *bufs,
		  unsigned int out, unsigned int in, void *data)
{
	unsigned int n = out + in, head = vq->free_head, i = head, last = head;
	u16 slot;

	if (!n || !data)
		return -EINVAL;
	if (n > vq->num_free)
		return -ENOSPC;
	for (unsigned int k = 0; k < n; k++) {
		struct vring_desc *d = &vq->desc[i];

		d->addr = __pa(bufs[k].addr);
		d->len = bufs[k].len;
		d->flags = (k < n - 1 ? VRING_DESC_F_NEXT : 0) |
			   (k >= out ? VRING_DESC_F_WRITE : 0);
		/* Device-writable buffers too: no dirty line may be evicted over DMA data. */
		dma_clean_range(bufs[k].addr, bufs[k].len);
		last = i;
		i = d->next;
	}
	vq->free_head = vq->desc[last].next;
	vq->num_free -= n;
	vq->data[head] = data;
	dma_clean_range(vq->desc, sizeof(*vq->desc) * vq->num);

	slot = vq->avail->idx & (vq->num - 1);
	vq->avail->ring[slot] = (u16)head;
	dma_clean_range(&vq->avail->ring[slot], sizeof(u16));
	wmb();
	vq->avail->idx++;
	dma_clean_range(&vq->avail->idx, sizeof(u16));
	return 0;
}

void virtqueue_kick(struct virtqueue *vq)
{
	mb();
	vq->vdev->config->notify(vq);
}

void *virtqueue_get_buf(struct virtqueue *vq, u32 *len)
{
	struct vring_used_elem *e;
	unsigned int i, n = 1;
	void *data;

	dma_inval_range(&vq->used->idx, sizeof(u16));
	if (vq->last_used == vq->used->idx)
		return NULL;
	rmb();
	e = &vq->used->ring[vq->last_used & (vq->num - 1)];
	dma_inval_range(e, sizeof(*e));
	if (e->id >= vq->num || !vq->data[e->id]) {
		vq->last_used++;	/* a bad reply from the device: skip it */
		return NULL;
	}
	data = vq->data[e->id];
	vq->data[e->id] = NULL;
	if (len)
		*len = e->len;
	for (i = e->id;; i = vq->desc[i].next, n++) {
		struct vring_desc *d = &vq->desc[i];

		if (d->flags & VRING_DESC_F_WRITE)
			dma_inval_range(__va(d->addr), d->len);
		if (!(d->flags & VRING_DESC_F_NEXT) || n >= vq->num)
			break;
	}
	vq->desc[i].next = vq->free_head;
	vq->free_head = (u16)e->id;
	vq->num_free += n;
	vq->last_used++;
	return data;
}
