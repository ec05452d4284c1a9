// SPDX-License-Identifier: GPL-2.0
/*
 * The virtio-mmio transport (virtio 1.1, 4.2), legacy (version 1) and
 * modern (version 2) register layouts, bound from DT "virtio,mmio"
 * nodes.  An empty slot (device ID 0) is not an error: probe says -ENODEV.
 * Each found device is registered on the virtio bus as a child.
 *
 * Layer: virtio transport, over the platform bus.  Locking: registers
 * are touched from probe/remove and the interrupt handler, which only
 * reads/acks InterruptStatus and runs the queues' callbacks.
 */
#define pr_fmt(fmt) "virtio-mmio: " fmt
#include <virtio/virtio.h>
#include <kernel/platform_device.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/err.h>
#include <asm/io.h>
#include <asm/memory.h>

#define VM_MAGIC		0x000
#define VM_VERSION		0x004
#define VM_DEVICE_ID		0x008
#define VM_VENDOR_ID		0x00c
#define VM_DEVICE_FEATURES	0x010
#define VM_DEVICE_FEATURES_SEL	0x014
#define VM_DRIVER_FEATURES	0x020
#define VM_DRIVER_FEATURES_SEL	0x024
#define VM_GUEST_PAGE_SIZE	0x028	/* legacy */
#define VM_QUEUE_SEL		0x030
#define VM_QUEUE_NUM_MAX	0x034
#define VM_QUEUE_NUM		0x038
#define VM_QUEUE_ALIGN		0x03c	/* legacy */
#define VM_QUEUE_PFN		0x040	/* legacy */
#define VM_QUEUE_READY		0x044
#define VM_QUEUE_NOTIFY		0x050
#define VM_INTERRUPT_STATUS	0x060
#define VM_INTERRUPT_ACK	0x064
#define VM_STATUS		0x070
#define VM_QUEUE_DESC_LOW	0x080
#define VM_QUEUE_DESC_HIGH	0x084
#define VM_QUEUE_AVAIL_LOW	0x090
#define VM_QUEUE_AVAIL_HIGH	0x094
#define VM_QUEUE_USED_LOW	0x0a0
#define VM_QUEUE_USED_HIGH	0x0a4
#define VM_CONFIG		0x100

#define VM_MAGIC_VALUE		0x74726976	/* "virt" */
#define VM_PAGE			4096
#define VM_MAX_QUEUES		4

struct vm_dev {
	struct virtio_device *vdev;
	void *base;
	u32 version;
	struct virtqueue *vqs[VM_MAX_QUEUES];
};

static struct vm_dev *to_vm(struct virtio_device *vdev)
{
	return vdev->priv;
}

static u64 vm_get_features(struct virtio_device *vdev)
{
	void *base = to_vm(vdev)->base;
	u64 f;

	writel(1, base + VM_DEVICE_FEATURES_SEL);
	f = (u64)readl(base + VM_DEVICE_FEATURES) << 32;
	writel(0, base + VM_DEVICE_FEATURES_SEL);
	return f | readl(base + VM_DEVICE_FEATURES);
}

static int vm_finalize_features(struct virtio_device *vdev, u64 features)
{
	struct vm_dev *vm = to_vm(vdev);

	if (vm->version == 2 && !(features & (1ull << VIRTIO_F_VERSION_1))) {
		dev_err(&vdev->dev, "modern device without VIRTIO_F_VERSION_1");
		return -ENODEV;
	}
	writel(1, vm->base + VM_DRIVER_FEATURES_SEL);
	writel((u32)(features >> 32), vm->base + VM_DRIVER_FEATURES);
	writel(0, vm->base + VM_DRIVER_FEATURES_SEL);
	writel((u32)features, vm->base + VM_DRIVER_FEATURES);
	if (vm->version == 1)
		return 0;
	writel(readl(vm->base + VM_STATUS) | VIRTIO_STATUS_FEATURES_OK, vm->base + VM_STATUS);
	if (!(readl(vm->base + VM_STATUS) & VIRTIO_STATUS_FEATURES_OK)) {
		dev_err(&vdev->dev, "device refused our features %llx", features);
		return -ENODEV;
	}
	return 0;
}

static void vm_get_config(struct virtio_device *vdev, u32 offset, void *buf, u32 len)
{
	u8 *p = buf;

	for (u32 i = 0; i < len; i++)
		p[i] = readb(to_vm(vdev)->base + VM_CONFIG + offset + i);
}

static u8 vm_get_status(struct virtio_device *vdev)
{
	return (u8)readl(to_vm(vdev)->base + VM_STATUS);
}

static void vm_set_status(struct virtio_device *vdev, u8 status)
{
	writel(status, to_vm(vdev)->base + VM_STATUS);
}

static void vm_reset(struct virtio_device *vdev)
{
	writel(0, to_vm(vdev)->base + VM_STATUS);
}

static void vm_notify(struct virtqueue *vq)
{
	writel(vq->index, to_vm(vq->vdev)->base + VM_QUEUE_NOTIFY);
}

static void vm_del_vq(struct virtqueue *vq)
{
	struct vm_dev *vm = to_vm(vq->vdev);

	writel(vq->index, vm->base + VM_QUEUE_SEL);
	if (vm->version == 1)
		writel(0, vm->base + VM_QUEUE_PFN);
	else
		writel(0, vm->base + VM_QUEUE_READY);
	vm->vqs[vq->index] = NULL;
	kfree(vq->data);
	kfree(vq->ring_mem);
	kfree(vq);
}

static void vm_activate(struct vm_dev *vm, struct virtqueue *vq)
{
	writel(vq->num, vm->base + VM_QUEUE_NUM);
	if (vm->version == 1) {
		writel(VM_PAGE, vm->base + VM_QUEUE_ALIGN);
		writel(__pa(vq->desc) / VM_PAGE, vm->base + VM_QUEUE_PFN);
		return;
	}
	writel(__pa(vq->desc), vm->base + VM_QUEUE_DESC_LOW);
	writel(0, vm->base + VM_QUEUE_DESC_HIGH);
	writel(__pa(vq->avail), vm->base + VM_QUEUE_AVAIL_LOW);
	writel(0, vm->base + VM_QUEUE_AVAIL_HIGH);
	writel(__pa(vq->used), vm->base + VM_QUEUE_USED_LOW);
	writel(0, vm->base + VM_QUEUE_USED_HIGH);
	writel(1, vm->base + VM_QUEUE_READY);
}

static struct virtqueue *vm_setup_vq(struct virtio_device *vdev, unsigned int index,
				     unsigned int max, void (*callback)(struct virtqueue *vq))
{
	struct vm_dev *vm = to_vm(vdev);
	struct virtqueue *vq;
	unsigned int num;
	void *aligned;

	if (index >= VM_MAX_QUEUES)
		return ERR_PTR(-EINVAL);
	writel(index, vm->base + VM_QUEUE_SEL);
	if (readl(vm->base + (vm->version == 1 ? VM_QUEUE_PFN : VM_QUEUE_READY)))
		return ERR_PTR(-EBUSY);
	num = readl(vm->base + VM_QUEUE_NUM_MAX);
	if (!num)
		return ERR_PTR(-ENOENT);
	while (num > max || (num & (num - 1)))
		num = num > max ? max : num & (num - 1);	/* a power of two <= max */
	vq = kzalloc(sizeof(*vq), GFP_KERNEL);
	if (!vq)
		return ERR_PTR(-ENOMEM);
	vq->ring_mem = kzalloc(vring_size(num, VM_PAGE) + VM_PAGE, GFP_KERNEL);
	vq->data = kcalloc(num, sizeof(void *), GFP_KERNEL);
	if (!vq->ring_mem || !vq->data) {
		kfree(vq->ring_mem);
		kfree(vq->data);
		kfree(vq);
		return ERR_PTR(-ENOMEM);
	}
	aligned = (void *)(((unsigned long)vq->ring_mem + VM_PAGE - 1) & ~(VM_PAGE - 1ul));
	vq->vdev = vdev;
	vq->index = index;
	vq->callback = callback;
	vring_init(vq, aligned, num, VM_PAGE);
	vm_activate(vm, vq);
	vm->vqs[index] = vq;
	return vq;
}

static const struct virtio_config_ops vm_config_ops = {
	.get_features = vm_get_features,
	.finalize_features = vm_finalize_features,
	.get_config = vm_get_config,
	.get_status = vm_get_status,
	.set_status = vm_set_status,
	.reset = vm_reset,
	.setup_vq = vm_setup_vq,
	.del_vq = vm_del_vq,
	.notify = vm_notify,
};

static enum irq_return vm_interrupt(int irq, void *data)
{
	struct vm_dev *vm = data;
	u32 status = readl(vm->base + VM_INTERRUPT_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, vm->base + VM_INTERRUPT_ACK);
	for (int i = 0; i < VM_MAX_QUEUES; i++)
		if (vm->vqs[i] && vm->vqs[i]->callback)
			vm->vqs[i]->callback(vm->vqs[i]);
	return IRQ_HANDLED;
}

static int next_index;		/* virtio0, virtio1 ... in probe order */

static void vdev_release(struct device *dev)
{
	kfree(to_virtio_device(dev));
}

static int vm_probe(struct platform_device *pdev)
{
	struct vm_dev *vm;
	unsigned int irq;
	u32 id;
	int err;

	vm = devm_kzalloc(&pdev->dev, sizeof(*vm));
	if (!vm)
		return -ENOMEM;
	vm->base = devm_platform_ioremap(pdev, 0);
	if (!vm->base)
		return -ENOMEM;
	if (readl(vm->base + VM_MAGIC) != VM_MAGIC_VALUE) {
		dev_err(&pdev->dev, "bad magic %08x", readl(vm->base + VM_MAGIC));
		return -ENODEV;
	}
	vm->version = readl(vm->base + VM_VERSION);
	if (vm->version < 1 || vm->version > 2) {
		dev_err(&pdev->dev, "unknown version %u", vm->version);
		return -ENXIO;
	}
	id = readl(vm->base + VM_DEVICE_ID);
	if (!id)
		return -ENODEV;		/* an empty slot */
	err = platform_get_irq(pdev, 0, &irq);
	if (err)
		return err;
	err = devm_request_irq(&pdev->dev, irq, vm_interrupt, "virtio-mmio", vm);
	if (err)
		return err;
	if (vm->version == 1)
		writel(VM_PAGE, vm->base + VM_GUEST_PAGE_SIZE);

	vm->vdev = kzalloc(sizeof(*vm->vdev), GFP_KERNEL);
	if (!vm->vdev)
		return -ENOMEM;
	vm->vdev->id = id;
	vm->vdev->vendor = readl(vm->base + VM_VENDOR_ID);
	vm->vdev->config = &vm_config_ops;
	vm->vdev->priv = vm;
	vm->vdev->dev.parent = &pdev->dev;
	vm->vdev->dev.release = vdev_release;
	dev_set_name(&vm->vdev->dev, "virtio%d", next_index++);
	device_initialize(&vm->vdev->dev);
	platform_set_drvdata(pdev, vm);
	err = virtio_register_device(vm->vdev);
	if (err) {
		put_device(&vm->vdev->dev);
		return err;
	}
	return 0;
}

static void vm_remove(struct platform_device *pdev)
{
	struct vm_dev *vm = platform_get_drvdata(pdev);

	device_unregister(&vm->vdev->dev);
	writel(0, vm->base + VM_STATUS);
}

static const struct of_device_id vm_ids[] = { { "virtio,mmio" }, {} };
static struct platform_driver vm_driver = {
	.probe = vm_probe,
	.remove = vm_remove,
	.driver = { .name = "virtio-mmio", .of_match_table = vm_ids },
};
module_platform_driver(vm_driver);
