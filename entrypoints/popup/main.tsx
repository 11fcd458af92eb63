import '../../components/ui/style.css';
import { mount } from '../../components/ui/mount';
import { Popup } from '../../components/ui/Popup';

mount(() => <Popup />);
