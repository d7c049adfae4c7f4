"""The embedded file on a network share is refused (issue 13, part 2): a write-ahead log cannot
be shared across computers. The file system type comes from the mount table."""

from __future__ import annotations

from pathlib import Path

import pytest

from workforce.domain.problems import ActionRefused
from workforce.persistence import network_share
from workforce.services.context import Database

MOUNTINFO = """\
22 1 252:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw
40 22 0:35 / /home rw,relatime shared:20 - ext4 /dev/vda2 rw
61 40 0:52 / /home/kefu/共享盘 rw,relatime shared:30 - cifs //fileserver/hr rw,vers=3.0
62 40 0:53 / /home/kefu/my\\040share rw,relatime shared:31 - nfs4 nas:/export rw
63 61 0:54 / /home/kefu/共享盘/local rw,relatime shared:32 - ext4 /dev/sdb1 rw
64 22 0:55 / /mnt/remote rw,nosuid shared:33 - fuse.sshfs user@host:/data rw
"""


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/home/kefu/文档", "ext4"),
        ("/home/kefu/共享盘", "cifs"),
        ("/home/kefu/共享盘/人事/2026", "cifs"),
        ("/home/kefu/my share/hr", "nfs4"),  # mountinfo writes the blank as \\040
        ("/home/kefu/共享盘/local/x", "ext4"),  # a local disk mounted inside the share
        ("/home/kefu/共享盘x", "ext4"),  # a name that only starts like the mount point
        ("/mnt/remote/workforce", "fuse.sshfs"),
        ("/var/lib", "ext4"),
    ],
)
def test_the_file_system_of_a_folder_is_its_longest_mount_point(folder: str, kind: str) -> None:
    assert network_share.filesystem_type(folder, MOUNTINFO) == kind


def test_this_machines_temporary_folder_is_a_local_disk(tmp_path: Path) -> None:
    assert network_share.network_type(tmp_path) is None


def test_a_database_on_a_network_share_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(network_share, "network_type", lambda _folder: "cifs")
    path = tmp_path / "workforce.db"
    with pytest.raises(ActionRefused, match=r"网络共享.*（cifs）.*PostgreSQL"):
        Database.open(str(path))
    assert not path.exists() and not Path(f"{path}.lock").exists()
