// SPDX-License-Identifier: GPL-2.0
/*
 * mtdsim: RAM flash simulator (NOR and NAND) with fault injection.
 *
 * Layer: an MTD driver; sits under the MTD core, which has already checked
 * ranges and alignment.  Locking: none (one user, as every MTD device).
 * Must not know: what the data means (no FTL or LogFS knowledge) — faults
 * are random or counted, never aimed at a structure.
 * All randomness comes from cfg.seed, so a failing run replays exactly.
 */
#define pr_fmt(fmt) "mtdsim: " fmt
#include <port/port.h>
#include <mtd/mtdsim.h>

static u64 sim_rand(struct mtdsim *sim)
{
	/* xorshift64* */
	u64 x = sim->rng;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	sim->rng = x;
	return x * 0x2545f4914f6cdd1dull;
}

static bool sim_chance(struct mtdsim *sim, u32 ppm)
{
	return ppm && sim_rand(sim) % 1000000 < ppm;
}

static struct mtdsim *to_sim(struct mtd_info *mtd)
{
	return mtd->priv;
}

static u32 sim_block(const struct mtdsim *sim, u64 ofs)
{
	return (u32)(ofs / sim->mtd.erasesize);
}

/* Count an operation for the power cut; true if this one is cut. */
static bool sim_cut_now(struct mtdsim *sim)
{
	sim->stats.powercut_ops++;
	if (sim->cut_at && sim->stats.powercut_ops == sim->cut_at) {
		sim->powered_off = true;
		pr_debug("power cut at op %llu\n",
			 (unsigned long long)sim->cut_at);
		return true;
	}
	return false;
}

static void sim_flip_bit(struct mtdsim *sim, u8 *buf, size_t len)
{
	u64 bit = sim_rand(sim) % (len * 8);

	buf[bit / 8] ^= (u8)(1u << (bit % 8));
}

static int sim_read(struct mtd_info *mtd, u64 from, size_t len, void *buf)
{
	struct mtdsim *sim = to_sim(mtd);
	u32 page = mtd->type == MTD_NANDFLASH ? mtd->writesize : 512;
	u64 first = from / page, last = (from + len - 1) / page, p;
	int ret = 0;

	if (sim->powered_off)
		return -EIO;
	memcpy(buf, sim->mem + from, len);
	sim->stats.bytes_read += len;
	for (p = first; p <= last; p++) {
		u64 s = max(p * page, from), e = min((p + 1) * page, from + len);
		u8 *b = (u8 *)buf + (s - from);

		if (sim_chance(sim, sim->cfg.uncorrectable_ppm)) {
			sim_flip_bit(sim, b, e - s);
			sim_flip_bit(sim, b, e - s);
			ret = -EBADMSG;
		} else if (sim_chance(sim, sim->cfg.bitflip_ppm)) {
			if (mtd->type == MTD_NORFLASH)
				sim_flip_bit(sim, b, e - s);
			else if (!ret)
				ret = -EUCLEAN;
		}
	}
	return ret;
}

/* Program with flash semantics: only 1->0. */
static void sim_program(u8 *dst, const u8 *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] &= src[i];
}

/* A torn program: a prefix done, random bits of the rest of its page. */
static void sim_tear_program(struct mtdsim *sim, u64 to, size_t len,
			     const u8 *src)
{
	size_t done = sim_rand(sim) % len, i, end;
	u32 page = max(sim->mtd.writesize, 16u);

	sim_program(sim->mem + to, src, done);
	end = min(len, ALIGN_UP(done + 1, page));
	for (i = done; i < end; i++)
		sim->mem[to + i] &= src[i] | (u8)sim_rand(sim);
	sim->stats.bytes_programmed += done;
}

static bool sim_nand_page_clean(const u8 *p, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		if (p[i] != 0xff)
			return false;
	return true;
}

static int sim_write(struct mtd_info *mtd, u64 to, size_t len, const void *buf)
{
	struct mtdsim *sim = to_sim(mtd);
	u32 blk = sim_block(sim, to);
	u64 o;

	if (sim->powered_off)
		return -EIO;
	if (sim_block(sim, to + len - 1) != blk) {
		pr_err("%s: program crosses a block boundary at %llu\n",
		       mtd->name, (unsigned long long)to);
		return -EINVAL;
	}
	if (mtd->type == MTD_NANDFLASH) {
		for (o = to; o < to + len; o += mtd->writesize) {
			if (!sim_nand_page_clean(sim->mem + o, mtd->writesize)) {
				pr_err("%s: page at %llu programmed twice\n",
				       mtd->name, (unsigned long long)o);
				return -EIO;
			}
		}
	}
	if (sim_cut_now(sim)) {
		sim_tear_program(sim, to, len, buf);
		return -EIO;
	}
	sim->stats.programs++;
	if (sim->bad[blk] || sim->worn[blk] ||
	    sim_chance(sim, sim->cfg.prog_fail_ppm)) {
		sim_tear_program(sim, to, len, buf);
		return -EIO;
	}
	sim_program(sim->mem + to, buf, len);
	sim->stats.bytes_programmed += len;
	return 0;
}

static int sim_erase(struct mtd_info *mtd, u64 addr)
{
	struct mtdsim *sim = to_sim(mtd);
	u32 blk = sim_block(sim, addr), es = mtd->erasesize, i, done;
	u8 *b = sim->mem + addr;

	if (sim->powered_off)
		return -EIO;
	if (sim_cut_now(sim)) {
		done = (u32)(sim_rand(sim) % es);
		memset(b, 0xff, done);
		for (i = done; i < es; i += 1 + (u32)(sim_rand(sim) % 64))
			b[i] |= (u8)sim_rand(sim);
		return -EIO;
	}
	sim->stats.erases++;
	sim->erase_count[blk]++;
	if (sim->cfg.wear_limit && sim->erase_count[blk] > sim->cfg.wear_limit)
		sim->worn[blk] = 1;
	if (sim->bad[blk] || sim->worn[blk] ||
	    sim_chance(sim, sim->cfg.erase_fail_ppm)) {
		sim->worn[blk] = 1;
		return -EIO;
	}
	memset(b, 0xff, es);
	return 0;
}

static int sim_isbad(struct mtd_info *mtd, u64 ofs)
{
	return to_sim(mtd)->bad[sim_block(to_sim(mtd), ofs)];
}

static int sim_markbad(struct mtd_info *mtd, u64 ofs)
{
	struct mtdsim *sim = to_sim(mtd);

	if (sim->powered_off)
		return -EIO;
	sim->bad[sim_block(sim, ofs)] = 1;
	return 0;
}

static const struct mtd_ops sim_ops = {
	.read = sim_read,
	.write = sim_write,
	.erase = sim_erase,
	.block_isbad = sim_isbad,
	.block_markbad = sim_markbad,
};

static int sim_check_config(struct mtdsim_config *c)
{
	if (c->type != MTD_NORFLASH && c->type != MTD_NANDFLASH)
		return -EINVAL;
	if (!c->writesize)
		c->writesize = c->type == MTD_NANDFLASH ? 2048 : 1;
	if (c->type == MTD_NANDFLASH && !c->oobsize)
		c->oobsize = c->writesize / 32;
	if (!c->erasesize || (c->erasesize & (c->erasesize - 1)) ||
	    (c->writesize & (c->writesize - 1)) ||
	    c->erasesize % c->writesize || !c->size ||
	    c->size % c->erasesize)
		return -EINVAL;
	return 0;
}

/**
 * mtdsim_create() - make a simulated flash device
 * @cfg: geometry, storage and faults (copied)
 *
 * Return: the device or ERR_PTR(-EINVAL / -ENOMEM).
 */
struct mtdsim *mtdsim_create(const struct mtdsim_config *cfg)
{
	struct mtdsim *sim;
	u32 nblocks, i;

	sim = kzalloc(sizeof(*sim), GFP_KERNEL);
	if (!sim)
		return ERR_PTR(-ENOMEM);
	sim->cfg = *cfg;
	if (sim_check_config(&sim->cfg)) {
		pr_err("bad geometry\n");
		kfree(sim);
		return ERR_PTR(-EINVAL);
	}
	nblocks = (u32)(sim->cfg.size / sim->cfg.erasesize);
	sim->bad = kzalloc(nblocks, GFP_KERNEL);
	sim->worn = kzalloc(nblocks, GFP_KERNEL);
	sim->erase_count = kcalloc(nblocks, sizeof(u32), GFP_KERNEL);
	sim->mem = cfg->storage;
	if (!sim->mem) {
		sim->mem = kmalloc(sim->cfg.size, GFP_KERNEL);
		sim->own_mem = true;
		if (sim->mem)
			memset(sim->mem, 0xff, sim->cfg.size);
	}
	if (!sim->bad || !sim->worn || !sim->erase_count || !sim->mem)
		goto out_free;
	for (i = 0; i < cfg->nr_bad_blocks; i++)
		if (cfg->bad_blocks[i] < nblocks)
			sim->bad[cfg->bad_blocks[i]] = 1;
	sim->rng = cfg->seed * 0x9e3779b97f4a7c15ull + 0x1234567ull;
	sim->cut_at = cfg->powercut_after;
	sim->mtd.type = sim->cfg.type;
	sim->mtd.name = cfg->name ? cfg->name : "mtdsim";
	sim->mtd.size = sim->cfg.size;
	sim->mtd.erasesize = sim->cfg.erasesize;
	sim->mtd.writesize = sim->cfg.writesize;
	sim->mtd.oobsize = sim->cfg.oobsize;
	sim->mtd.ops = &sim_ops;
	sim->mtd.priv = sim;
	return sim;

out_free:
	mtdsim_destroy(sim);
	return ERR_PTR(-ENOMEM);
}

/**
 * mtdsim_destroy() - free a simulator (caller-owned storage is kept)
 * @sim: device, or NULL
 */
void mtdsim_destroy(struct mtdsim *sim)
{
	if (!sim)
		return;
	if (sim->own_mem)
		kfree(sim->mem);
	kfree(sim->erase_count);
	kfree(sim->worn);
	kfree(sim->bad);
	kfree(sim);
}

/**
 * mtdsim_set_powercut() - arm a power cut during the @n-th op from now
 * @sim: device
 * @n: 1 = next program/erase; 0 disarms
 */
void mtdsim_set_powercut(struct mtdsim *sim, u64 n)
{
	sim->cut_at = n ? sim->stats.powercut_ops + n : 0;
}

/**
 * mtdsim_power_on() - bring a cut device back (disarmed, contents kept)
 * @sim: device
 */
void mtdsim_power_on(struct mtdsim *sim)
{
	sim->powered_off = false;
	sim->cut_at = 0;
}
