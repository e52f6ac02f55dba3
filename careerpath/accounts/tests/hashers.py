"""A password hasher that counts how many hashes it computes."""

from django.contrib.auth.hashers import MD5PasswordHasher
from django.utils.crypto import constant_time_compare


class CountingHasher(MD5PasswordHasher):
    """MD5 (as in the test settings), counting every hash computed.

    ``verify`` is written out so that one verification counts once: the parent's
    calls ``encode`` internally.
    """

    computed = 0

    def encode(self, password, salt):
        CountingHasher.computed += 1
        return super().encode(password, salt)

    def verify(self, password, encoded):
        CountingHasher.computed += 1
        salt = self.decode(encoded)["salt"]
        return constant_time_compare(super().encode(password, salt), encoded)
