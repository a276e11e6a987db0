# Independent vectors for the WeCom (企业微信) customer-service callback envelope, computed with Python's hashlib
# and the cryptography package (not with our code); WeComVectors.cs holds what it printed. Ours; MIT as the project.
# Run: python3 wecom_vectors.py
import base64, hashlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

token, timestamp, nonce = "wecomtoken", "1733300000", "271828"
key = bytes(range(100, 132))
encoding_aes_key = base64.b64encode(key).decode().rstrip("=")
corpid = "ww0123456789abcdef"
echo = b"7462534158402917366"
callback = ("<xml><ToUserName><![CDATA[ww0123456789abcdef]]></ToUserName>"
            "<CreateTime>1733300000</CreateTime><MsgType><![CDATA[event]]></MsgType>"
            "<Event><![CDATA[kf_msg_or_event]]></Event>"
            "<Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token>"
            "<OpenKfId><![CDATA[wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJTw]]></OpenKfId></xml>").encode()

def seal(message, receiver):
    plain = b"fedcba9876543210" + len(message).to_bytes(4, "big") + message + receiver.encode()
    pad = 32 - len(plain) % 32
    plain += bytes([pad]) * pad
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(enc.update(plain) + enc.finalize()).decode()

def sign(*parts):
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()

echostr = seal(echo, corpid)
encrypt = seal(callback, corpid)
other = seal(callback, "wwffffffffffffffff")
print("EncodingAESKey", encoding_aes_key)
print("echostr", echostr)
print("echo_signature", sign(token, timestamp, nonce, echostr))
print("Encrypt", encrypt)
print("msg_signature", sign(token, timestamp, nonce, encrypt))
print("EncryptOtherCorp", other)
print("msg_signature_other", sign(token, timestamp, nonce, other))
