"""Disks for the failing-box tests (as root, as the kiosk box and CI run): an ext4 file system of
the test's own on a loop device, whose power can be cut and which can fail into read-only."""
import fcntl
import os
import shutil
import struct
import subprocess
import tempfile

EXT4_IOC_SHUTDOWN = 0x8004587D     # _IOR('X', 125, __u32)
EXT4_GOING_FLAGS_NOLOGFLUSH = 0x2  # drop the journal and the page cache: nothing more reaches the disk


class LoopDisk:
    """A 256 MB ext4 image on a loop device, mounted read-write; on an error ext4 turns it read-only,
    as a failing disk does (`errors=remount-ro`)."""

    def __init__(self):
        self.folder = folder = tempfile.mkdtemp(prefix="kiosk-disk-")
        self.image = os.path.join(folder, "disk.img")
        self.mount = os.path.join(folder, "mnt")
        os.mkdir(self.mount)
        subprocess.run(["truncate", "-s", "256M", self.image], check=True)
        subprocess.run(["mkfs.ext4", "-q", self.image], check=True)
        self.device = subprocess.run(["losetup", "-f", "--show", self.image], check=True, capture_output=True, text=True).stdout.strip()
        subprocess.run(["blockdev", "--setrw", self.device], check=True)
        self.mount_it()

    def mount_it(self):
        subprocess.run(["mount", "-t", "ext4", "-o", "errors=remount-ro", self.device, self.mount], check=True)

    def cut_power(self):
        """Everything not yet flushed is lost; the file system answers EIO from now on."""
        folder = os.open(self.mount, os.O_RDONLY)
        try:
            fcntl.ioctl(folder, EXT4_IOC_SHUTDOWN, struct.pack("I", EXT4_GOING_FLAGS_NOLOGFLUSH))
        finally:
            os.close(folder)

    def fail(self):
        """An error of the disk, as ext4 meets one: it goes on reading, and refuses every write (EROFS)."""
        with open(f"/sys/fs/ext4/{os.path.basename(self.device)}/trigger_fs_error", "w") as trigger:
            trigger.write("kiosk test: the disk fails")

    def remount(self):
        subprocess.run(["umount", self.mount], check=True)
        self.mount_it()

    def remove(self):
        subprocess.run(["umount", "-l", self.mount], check=False)
        subprocess.run(["losetup", "-d", self.device], check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
